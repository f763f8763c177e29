using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Admin.Doctor;

/// <summary>The outbox backlog: deliveries waiting, and how old the oldest is. A few seconds' worth is normal; an
/// hour means Discord refuses or cannot be reached.</summary>
public sealed class OutboxCheck(OperatorCounts counts, IClock clock) : IDoctorCheck
{
    public static readonly Duration TooOld = Duration.FromHours(1);

    public int Order => 60;

    public async Task<DoctorLine> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var outbox = await counts.OutboxAsync(cancellationToken);
        var held = outbox.Held > 0 ? $" ({outbox.Held} held for closed DMs)" : "";
        if (outbox.Waiting == 0)
            return DoctorLine.Fine($"Outbox: nothing waiting to be delivered{held}.");
        var age = clock.GetCurrentInstant() - outbox.OldestCreatedAt!.Value;
        var line = $"Outbox: {Plural.Of(outbox.Waiting, "delivery", "deliveries")} waiting, the oldest for {(int)age.TotalMinutes} min{held}.";
        return age < TooOld
            ? DoctorLine.Fine(line)
            : DoctorLine.Problem(line, "Look for \"Delivery … not sent yet\" or \"refused by Discord\" in the log; BondBot keeps retrying for 7 days.");
    }
}
