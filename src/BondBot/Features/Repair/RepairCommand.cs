using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Repair;

/// <summary><c>/repair</c>: a private kit for after a disagreement, built on the antidotes to the Four Horsemen
/// (gentle start-up, appreciation, taking responsibility, self-soothing). Nothing reaches the partner unless the person
/// presses Send, so it works the same in a server (every reply ephemeral) and in DMs.</summary>
public sealed class RepairCommand(PairingService pairing, RepairDeck deck, IClock clock) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "repair",
        Description = "After a disagreement: a private kit to start gently, take a pause or reach back",
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var idea = deck.IdeaOfTheDay(RepairDay.Of(clock));
        await context.ReplyPrivatelyAsync(RepairCards.Kit(pair?.PartnerOf(context.UserId), idea), cancellationToken);
    }
}

/// <summary>The day the kit's picks rotate by: one day for everyone, from the injected clock.</summary>
public static class RepairDay
{
    public static LocalDate Of(IClock clock) => clock.GetCurrentInstant().InUtc().Date;
}
