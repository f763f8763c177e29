using BondBot.Features.Couple;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using NodaTime;

namespace BondBot.Features.ThisOrThat;

/// <summary>The rules of This or that: a pair has at most one open run; either partner starts it or carries on at
/// their own next unpicked item; picks stay locked until both have picked all five, then both get the reveal.</summary>
public sealed class ThisOrThatService(ThisOrThatDeck deck, ThisOrThatRepository runs, PairingRepository pairs, CoupleProfiles couples, IClock clock)
{
    public enum TurnOutcome { Started, Resumed, Waiting, NothingSuits }

    /// <summary>Where a person is in a run: <see cref="Item"/> is their next unpicked one (null once they picked all
    /// five); <see cref="Picked"/> counts their own picks.</summary>
    public sealed record Turn(TurnOutcome Outcome, Run? Run, RunItem? Item = null, int Picked = 0);

    /// <summary>Starts a run for the pair (inviting the partner in the same transaction), or resumes the open one.</summary>
    public async Task<Turn> StartOrResumeAsync(Pair pair, ulong userId, Func<Run, IEnumerable<OutboxItem>> invitation, CancellationToken cancellationToken = default)
    {
        if (await runs.GetOpenAsync(pair.PairId, cancellationToken) is { } open)
            return await TurnAsync(open, userId, TurnOutcome.Resumed, cancellationToken);
        var profile = await couples.ForAsync(pair, userId, cancellationToken);
        var lastSeen = await runs.GetLastSeenAsync(pair.PairId, cancellationToken);
        var items = ThisOrThatPicker.Draw(deck.Pairs, lastSeen, profile.Apart, profile.Together, Random.Shared);
        if (items.Count < ThisOrThatPicker.RunLength)
            return new Turn(TurnOutcome.NothingSuits, null);
        if (await runs.StartAsync(pair.PairId, items, clock.GetCurrentInstant(), invitation, cancellationToken) is { } started)
            return await TurnAsync(started, userId, TurnOutcome.Started, cancellationToken);
        // The partner started one at the same moment: join theirs.
        return await runs.GetOpenAsync(pair.PairId, cancellationToken) is { } raced
            ? await TurnAsync(raced, userId, TurnOutcome.Resumed, cancellationToken)
            : new Turn(TurnOutcome.NothingSuits, null);
    }

    /// <summary>The person's place in a run they belong to.</summary>
    public async Task<Turn> TurnAsync(Run run, ulong userId, TurnOutcome outcome, CancellationToken cancellationToken = default)
    {
        var items = await runs.GetItemsAsync(run.RunId, cancellationToken);
        var picked = await runs.GetPickedPositionsAsync(run.RunId, userId, cancellationToken);
        var next = items.FirstOrDefault(i => !picked.Contains(i.Position));
        return next is null ? new Turn(TurnOutcome.Waiting, run, null, picked.Count) : new Turn(outcome, run, next, picked.Count);
    }

    /// <summary>The active pair of <paramref name="userId"/> when the run belongs to it; null for anyone else (a third
    /// person, or a partner from a pairing that has ended).</summary>
    public async Task<Pair?> MemberPairAsync(Run run, ulong userId, CancellationToken cancellationToken = default) =>
        await pairs.GetActivePairAsync(userId, cancellationToken) is { } pair && pair.PairId == run.PairId ? pair : null;

    public async Task<bool> HasOpenRunAsync(long pairId, CancellationToken cancellationToken = default) =>
        await runs.GetOpenAsync(pairId, cancellationToken) is not null;

    public Task<Run?> GetRunAsync(long runId, CancellationToken cancellationToken = default) => runs.GetAsync(runId, cancellationToken);

    /// <summary>Stores a pick; the pick that completes both partners' five reveals them to both.</summary>
    public Task<PickResult> PickAsync(Run run, Pair pair, ulong userId, long position, string choice, CancellationToken cancellationToken = default) =>
        runs.PickAsync(run.RunId, position, userId, pair.PartnerOf(userId), choice, clock.GetCurrentInstant(),
            (revealed, items, picks) => Reveal(pair, revealed, items, picks), cancellationToken);

    /// <summary>The reveal, written to each partner from their own side ("you: … · Sam: …"), once each, by DM: a
    /// "you" posted in a shared space would read wrong to the other partner.</summary>
    private static IEnumerable<OutboxItem> Reveal(Pair pair, Run run, IReadOnlyList<RunItem> items, IReadOnlyList<Pick> picks) =>
        new[] { pair.UserA, pair.UserB }.Select(userId => OutboxItem.ToPerson(OutboxKinds.ThisOrThatReveal, userId,
            ThisOrThatCards.Reveal(run, items, picks, userId, pair.PartnerOf(userId)), $"this-or-that-reveal:{run.RunId}:{userId}"));
}
