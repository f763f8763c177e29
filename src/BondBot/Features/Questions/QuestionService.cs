using BondBot.Discord;
using NodaTime;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;

namespace BondBot.Features.Questions;

/// <summary>The question rules: what a pair is asked next, and answers locked until both partners answered.</summary>
public sealed class QuestionService(QuestionDeck deck, RoundRepository rounds, CustomQuestionRepository custom, PairingRepository pairs,
    Couple.CoupleProfiles couples, SetAsideRepository setAside, RevealFollowUps followUps, IClock clock)
{
    public const int MaxAnswerLength = 1500;

    public enum OpenOutcome { Opened, AlreadyOpen, NothingMatches, CannotReplace }

    public sealed record OpenResult(OpenOutcome Outcome, Round? Round);

    /// <summary>Opens the pair's next round, or returns the round already open. With <paramref name="replacing"/>,
    /// swaps that unanswered round for a new question within the same request.</summary>
    public async Task<OpenResult> OpenAsync(Pair pair, ulong? guildId, RoundRepository.Request request, long? replacing = null,
        CancellationToken cancellationToken = default, Func<Round, IEnumerable<OutboxItem>>? deliveries = null, ulong? askerId = null)
    {
        var (category, depth) = (request.Category, request.Depth);
        // A question set aside with "Not yet" whose time away is over comes back before a new one is drawn.
        if (replacing is null && category is null && depth is null
            && await setAside.ReturnDueAsync(pair.PairId, clock.GetCurrentInstant(), deliveries, cancellationToken) is { } returned)
            return new OpenResult(OpenOutcome.Opened, returned);
        if (replacing is null && await rounds.GetOpenAsync(pair.PairId, cancellationToken) is { } open)
            return new OpenResult(OpenOutcome.AlreadyOpen, open);

        var candidates = await CandidatesAsync(guildId, cancellationToken);
        var history = await rounds.GetHistoryAsync(pair.PairId, cancellationToken);
        if (replacing is { } old && await rounds.GetAsync(old, cancellationToken) is { } current)
            candidates = candidates.Where(q => q.Key != current.QuestionKey).ToList();
        var profile = await couples.ForAsync(pair, askerId ?? request.SwappedBy ?? pair.UserA, cancellationToken);
        var fit = new QuestionPicker.Fit(profile.Apart, profile.Together, profile.Stage == Couple.CoupleStage.New, profile.BusyToday);
        var question = QuestionPicker.Pick(candidates, history, category, depth, Random.Shared, fit);
        if (question is null)
            return new OpenResult(OpenOutcome.NothingMatches, null);

        var round = await rounds.OpenAsync(pair.PairId, question, request, clock.GetCurrentInstant(), replacing, deliveries, cancellationToken);
        if (round is not null)
            return new OpenResult(OpenOutcome.Opened, round);
        // Someone answered the old round, or another request opened one first.
        return replacing is null && await rounds.GetOpenAsync(pair.PairId, cancellationToken) is { } raced
            ? new OpenResult(OpenOutcome.AlreadyOpen, raced)
            : new OpenResult(OpenOutcome.CannotReplace, null);
    }

    /// <summary>Opens a question the pair answered before as their new round, word for word (On this day's "Ask it again");
    /// while a round is open, that one is returned instead, since a pair has one open question at a time.</summary>
    public async Task<OpenResult> AskAgainAsync(Pair pair, Round earlier, Func<Round, IEnumerable<OutboxItem>>? deliveries = null,
        CancellationToken cancellationToken = default)
    {
        if (await rounds.GetOpenAsync(pair.PairId, cancellationToken) is { } open)
            return new OpenResult(OpenOutcome.AlreadyOpen, open);
        var question = new DeckQuestion(earlier.QuestionKey, earlier.Category, (int)earlier.Depth, earlier.QuestionText);
        var round = await rounds.OpenAsync(pair.PairId, question, new RoundRepository.Request(null, null), clock.GetCurrentInstant(), null, deliveries, cancellationToken);
        if (round is not null)
            return new OpenResult(OpenOutcome.Opened, round);
        return await rounds.GetOpenAsync(pair.PairId, cancellationToken) is { } raced
            ? new OpenResult(OpenOutcome.AlreadyOpen, raced)
            : new OpenResult(OpenOutcome.NothingMatches, null);
    }

    /// <summary>A question to reflect on alone (for people not paired yet, or whose partner is taking a break): one that
    /// makes sense without a partner (tagged solo), Light or Deeper, never stored.</summary>
    public DeckQuestion ReflectionQuestion()
    {
        var solo = deck.Questions.Where(q => q.Depth <= 2 && q.Solo).ToList();
        return solo.Count > 0
            ? solo[Random.Shared.Next(solo.Count)]
            : new DeckQuestion("reflection", "knowledge", 1, "What's a small thing that made today a little better?", Solo: true);
    }

    public enum NotYetOutcome { SetAside, Retired, NotOpen }

    /// <summary>"Not yet" on an open round: it is set aside (answers kept, hidden), the partner is told gently, and the
    /// pair gets a new question within the same request. Returns the new round, if one opened.</summary>
    public async Task<(NotYetOutcome Outcome, Round? Next)> NotYetAsync(Round round, Pair pair, ulong userId, Func<bool, IEnumerable<OutboxItem>> notices,
        CancellationToken cancellationToken = default)
    {
        var outcome = await setAside.SetAsideAsync(round.RoundId, userId, clock.GetCurrentInstant(), notices, cancellationToken);
        if (outcome == SetAsideRepository.Outcome.NotOpen)
            return (NotYetOutcome.NotOpen, null);
        var request = new RoundRepository.Request(round.AskedCategory, round.AskedDepth is { } d ? (int)d : null);
        var next = await OpenAsync(pair, pair.GuildId, request, cancellationToken: cancellationToken, askerId: userId);
        return (outcome == SetAsideRepository.Outcome.Retired ? NotYetOutcome.Retired : NotYetOutcome.SetAside, next.Round);
    }

    public async Task<SaveAnswerResult> SubmitAsync(long roundId, ulong userId, string text, CancellationToken cancellationToken = default)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return new SaveAnswerResult(SaveAnswerOutcome.Empty);
        if (trimmed.Length > MaxAnswerLength) return new SaveAnswerResult(SaveAnswerOutcome.TooLong);
        var round = await rounds.GetAsync(roundId, cancellationToken);
        if (round is null || !await IsMemberAsync(round, userId, cancellationToken))
            return new SaveAnswerResult(SaveAnswerOutcome.NotInPair, round);
        return await rounds.SaveAnswerAsync(roundId, userId, trimmed, clock.GetCurrentInstant(), Reveal, cancellationToken);
    }

    /// <summary>The reveal for both partners: one post in their space, or a DM each.</summary>
    /// <summary>The reveal as both partners see it, ending with this round's listening follow-up.</summary>
    public MessagePayload RevealCard(Round round, IReadOnlyList<Answer> answers) => QuestionCards.Reveal(round, answers, followUps.For(round.RoundId));

    private IEnumerable<OutboxItem> Reveal(Round round, IReadOnlyList<Answer> answers) =>
        OutboxItem.ToBoth(OutboxKinds.Reveal, round.PairId, answers.Select(a => a.UserId), RevealCard(round, answers), $"reveal:{round.RoundId}");

    /// <summary>Whether <paramref name="userId"/> belongs to the active pair the round was opened for.</summary>
    public async Task<bool> IsMemberAsync(Round round, ulong userId, CancellationToken cancellationToken = default) =>
        await pairs.GetActivePairAsync(userId, cancellationToken) is { } pair && pair.PairId == round.PairId;

    private async Task<List<DeckQuestion>> CandidatesAsync(ulong? guildId, CancellationToken cancellationToken)
    {
        var all = deck.Questions.ToList();
        if (guildId is { } guild)
            all.AddRange((await custom.ListAsync(guild, cancellationToken)).Select(c => c.ToDeckQuestion()));
        return all;
    }
}
