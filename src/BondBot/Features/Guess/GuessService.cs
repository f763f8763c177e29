using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using NodaTime;

namespace BondBot.Features.Guess;

/// <summary>The rules of a guessing round: the caller is the one guessed about, their partner guesses; one open round
/// per pair; answer and guess locked until both are in; only the answerer marks the guess; no prompt comes back
/// before the pair has had every one in the pool.</summary>
public sealed class GuessService(GuessDeck deck, GuessRepository rounds, PairingService pairing, IClock clock)
{
    public enum StartOutcome { Opened, AlreadyOpen, NothingMatches }

    public sealed record StartResult(StartOutcome Outcome, GuessRound? Round);

    /// <summary>Opens a round about <paramref name="callerId"/> (their partner's card goes out through the outbox), or
    /// returns the one already open.</summary>
    public async Task<StartResult> StartAsync(Pair pair, ulong callerId, string? set, CancellationToken cancellationToken = default)
    {
        if (await rounds.GetOpenAsync(pair.PairId, cancellationToken) is { } open)
            return new StartResult(StartOutcome.AlreadyOpen, open);
        var pool = deck.Prompts.Where(p => set is null || p.Set == set).ToList();
        var prompt = GuessPicker.Pick(pool, await rounds.LastPlayedAsync(pair.PairId, cancellationToken), Random.Shared);
        if (prompt is null)
            return new StartResult(StartOutcome.NothingMatches, null);
        var guesserId = pair.PartnerOf(callerId);
        var round = await rounds.OpenAsync(pair.PairId, prompt, callerId, guesserId, clock.GetCurrentInstant(),
            r => [Card(r)], cancellationToken);
        return round is not null
            ? new StartResult(StartOutcome.Opened, round)
            : new StartResult(StartOutcome.AlreadyOpen, await rounds.GetOpenAsync(pair.PairId, cancellationToken));
    }

    public Task<GuessRound?> GetAsync(long guessId, CancellationToken cancellationToken = default) => rounds.GetAsync(guessId, cancellationToken);

    public IReadOnlyList<string> ChoicesOf(GuessRound round) => deck.Find(round.PromptId)?.Choices ?? [];

    /// <summary>An answer or a guess in the person's own words.</summary>
    public async Task<GuessSaveResult> SubmitAsync(long guessId, ulong userId, GuessSide side, string text, CancellationToken cancellationToken = default)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return new GuessSaveResult(GuessSaveOutcome.Empty);
        if (trimmed.Length > GuessCards.MaxTextLength) return new GuessSaveResult(GuessSaveOutcome.TooLong);
        if (await MemberRoundAsync(guessId, userId, cancellationToken) is not { } round)
            return new GuessSaveResult(GuessSaveOutcome.NotInPair);
        return await rounds.SaveAsync(round.GuessId, userId, side, trimmed, clock.GetCurrentInstant(), Reveal, cancellationToken);
    }

    /// <summary>A guess picked from the prompt's choices (the index comes from a custom_id: checked against the deck).
    /// The caller has checked that the presser belongs to the round's pair.</summary>
    public async Task<GuessSaveResult> PickAsync(GuessRound round, ulong userId, int choice, CancellationToken cancellationToken = default)
    {
        var choices = ChoicesOf(round);
        if (choice < 0 || choice >= choices.Count)
            return new GuessSaveResult(GuessSaveOutcome.UnknownChoice, round);
        return await rounds.SaveAsync(round.GuessId, userId, GuessSide.Guess, choices[choice], clock.GetCurrentInstant(), Reveal, cancellationToken);
    }

    /// <summary>The answerer's mark; the guesser is told through the outbox (one notice per round: a changed mark edits it).</summary>
    public Task<GuessRound?> MarkAsync(GuessRound round, ulong userId, GuessMark mark, CancellationToken cancellationToken = default) =>
        rounds.MarkAsync(round.GuessId, userId, mark, clock.GetCurrentInstant(),
            r => [OutboxItem.ToPartner(OutboxKinds.GuessMark, r.PairId, r.GuesserId, GuessRevealCards.MarkNotice(r, mark), $"guess-mark:{r.GuessId}")],
            cancellationToken);

    public Task<int> CountPlayedAsync(long pairId, CancellationToken cancellationToken = default) => rounds.CountPlayedAsync(pairId, cancellationToken);

    /// <summary>Whether <paramref name="userId"/> belongs to the active pair the round was opened for (nothing crosses
    /// from one pairing to the next).</summary>
    public async Task<bool> IsMemberAsync(GuessRound round, ulong userId, CancellationToken cancellationToken = default) =>
        await pairing.GetActivePairAsync(userId, cancellationToken) is { } pair && pair.PairId == round.PairId;

    private async Task<GuessRound?> MemberRoundAsync(long guessId, ulong userId, CancellationToken cancellationToken) =>
        await rounds.GetAsync(guessId, cancellationToken) is { } round && await IsMemberAsync(round, userId, cancellationToken) ? round : null;

    private OutboxItem Card(GuessRound round) =>
        OutboxItem.ToPartner(OutboxKinds.GuessCard, round.PairId, round.GuesserId, GuessCards.GuessCard(round, ChoicesOf(round)), $"guess-card:{round.GuessId}");

    /// <summary>Both reveals (the answerer's with the mark buttons), each by DM (two copies in a shared space would
    /// repeat each other and show the guesser buttons that aren't theirs), and the guess card again without its
    /// buttons (the same delivery key: a sent card is edited).</summary>
    private IEnumerable<OutboxItem> Reveal(GuessRound round, int played) =>
    [
        OutboxItem.ToPerson(OutboxKinds.GuessReveal, round.AnswererId, GuessRevealCards.Reveal(round, played, forAnswerer: true), $"guess-reveal:{round.GuessId}:{round.AnswererId}"),
        OutboxItem.ToPerson(OutboxKinds.GuessReveal, round.GuesserId, GuessRevealCards.Reveal(round, played, forAnswerer: false), $"guess-reveal:{round.GuessId}:{round.GuesserId}"),
        Card(round),
    ];
}
