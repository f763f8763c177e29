using BondBot.Discord;
using BondBot.Features.CheckIns;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Notes;

/// <summary>"Thinking of you": a soft DM with nothing to answer. Held until the partner's quiet hours end, at most
/// <see cref="PerDay"/> a day per sender (their local day), and never counted back to anyone.</summary>
public sealed class ThinkingSender(PairingService pairing, UserSettingsRepository settings, NoteRepository notes, NoteTimes times, IClock clock)
{
    public const int PerDay = 3;

    public async Task<string> SendAsync(ulong userId, long? fromPairId, CancellationToken cancellationToken)
    {
        if (await pairing.GetActivePairAsync(userId, cancellationToken) is not { } pair)
            return "💭 goes to your partner — pair up first with `/pair partner:@them`.";
        if (fromPairId is { } stale && stale != pair.PairId)
            return "That button was from an earlier pairing, so I sent nothing. `/thinking` reaches your partner now.";
        var partnerId = pair.PartnerOf(userId);
        var mine = await settings.GetAsync(userId, cancellationToken);
        var theirs = await settings.GetAsync(partnerId, cancellationToken);
        var now = clock.GetCurrentInstant();
        var held = theirs.Zone is { } zone ? times.QuietUntil(now, zone) : null;
        var day = now.InZone(mine.Zone ?? DateTimeZone.Utc).Date;
        var sent = await notes.AddThoughtAsync(pair.PairId, userId, partnerId, day, PerDay, now, held ?? now, thought =>
            // Always a DM (a soft, private touch, not a post in a shared space), yet tied to the pair: dropped if it ends first.
            [OutboxItem.ToPerson(OutboxKinds.ThinkingOfYou, partnerId, NoteCards.Thinking(userId), $"thinking:{thought.ThoughtId}", held) with { PairId = pair.PairId }],
            cancellationToken);
        if (sent is null)
            return "I've passed on three today — they know you're thinking of them 💛 Tomorrow there's room for more.";
        return held is { } at ? $"💭 It'll reach them at {NoteCards.Timestamp(at, 't')} when their morning starts." : "Sent 💭";
    }
}

/// <summary><c>/thinking</c>: one tap, nothing to write.</summary>
public sealed class ThinkingCommand(ThinkingSender sender) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new() { Name = "thinking", Description = "Let your partner know you're thinking of them 💭" };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken) =>
        await context.ReplyPrivatelyAsync(await sender.SendAsync(context.UserId, null, cancellationToken), cancellationToken);
}

/// <summary>The 💭 button on the daily check-in DM; it carries the pairing it was offered in.</summary>
public sealed class ThinkingButtonHandler(ThinkingSender sender) : IComponentHandler
{
    public string Prefix => NoteCards.ThinkPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
        await context.ReplyPrivatelyAsync(await sender.SendAsync(context.UserId, customId.LongAt(0) ?? -1, cancellationToken), cancellationToken);
}

/// <summary>Adds 💭 to the check-in DM of people who are paired.</summary>
public sealed class ThinkingPromptExtra : ICheckInPromptExtra
{
    public int Order => 50;

    public Task<CheckInPromptExtra?> ForAsync(DailyPrompt prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Pair is { } pair
            ? new CheckInPromptExtra(null, Component.Button(CustomId.Create(NoteCards.ThinkPrefix, pair.PairId), "💭 Thinking of you"))
            : null);
}
