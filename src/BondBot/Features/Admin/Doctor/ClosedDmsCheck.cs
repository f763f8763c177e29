using BondBot.Interactions;

namespace BondBot.Features.Admin.Doctor;

/// <summary>How many people paired in this server have their DMs closed to BondBot (a count, never who).</summary>
public sealed class ClosedDmsCheck(OperatorCounts counts) : IDoctorCheck
{
    public int Order => 40;

    public async Task<DoctorLine> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var closed = await counts.ClosedDmsAsync(context.GuildId, cancellationToken);
        return closed == 0
            ? DoctorLine.Fine("Nobody paired in this server has DMs closed to BondBot.")
            : DoctorLine.Problem($"{Plural.Of(closed, "member")} paired here {(closed == 1 ? "has" : "have")} DMs closed to BondBot, so check-ins and reveals wait for them.",
                "Nothing to change on the server: they are told how to open DMs the next time they use a command (server menu → Privacy Settings → Direct Messages). A pinned note can remind everyone.");
    }
}
