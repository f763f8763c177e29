using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;

using BondBot.Tests.Support;

namespace BondBot.Tests.Features;

/// <summary>Run on both providers: <see cref="QuestionServiceTestsOnSqlite"/> and <see cref="QuestionServiceTestsOnPostgres"/>.</summary>
public abstract class QuestionServiceTests(string provider) : IAsyncLifetime
{
    private readonly TempDatabase _db = new(provider);
    private readonly FakeClock _time = new(NodaTime.Instant.FromUtc(2026, 1, 5, 12, 0));
    private static readonly QuestionDeck Deck = new(Enumerable.Range(0, 6).Select(i => new DeckQuestion($"fun-1-{i}", "fun", 1, $"Question {i}?")));
    private PairingService _pairing = null!;
    private QuestionService _questions = null!;
    private RoundRepository _rounds = null!;
    private CustomQuestionRepository _custom = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        await _db.MigratedAsync();
        var pairs = new PairingRepository(_db.Connections, new OutboxWriter(_time), []);
        _pairing = new PairingService(pairs, new InviteLimitsRepository(_db.Connections), _time);
        _rounds = new RoundRepository(_db.Connections, new OutboxWriter(_time));
        _custom = new CustomQuestionRepository(_db.Connections);
        var couples = new BondBot.Features.Couple.CoupleProfiles(new BondBot.Features.Couple.CoupleSettingsRepository(_db.Connections, new OutboxWriter(_time)),
            new BondBot.Features.Settings.UserSettingsRepository(_db.Connections, new OutboxWriter(_time)), _time);
        _questions = new QuestionService(Deck, _rounds, _custom, pairs, couples, new SetAsideRepository(_db.Connections, new OutboxWriter(_time)), RevealFollowUps.LoadEmbedded(), _time);
        var invite = await _pairing.InviteAsync(1, 2, false, null, null);
        _pair = (await _pairing.AcceptAsync(invite.Invite!.InviteId, 2, p => [])).Pair!;
    }

    public Task DisposeAsync() { _db.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task Answers_stay_locked_until_both_answered_then_reveal_together()
    {
        var round = (await _questions.OpenAsync(_pair, null, new(null, null))).Round!;

        var first = await _questions.SubmitAsync(round.RoundId, 1, "mine");
        Assert.Equal(SaveAnswerOutcome.Saved, first.Outcome);
        Assert.Null(first.Answers);
        Assert.Empty(await _rounds.GetRevealedAnswersAsync(round.RoundId));

        var second = await _questions.SubmitAsync(round.RoundId, 2, "theirs");
        Assert.Equal(SaveAnswerOutcome.Revealed, second.Outcome);
        Assert.Equal(["mine", "theirs"], second.Answers!.Select(a => a.Text));
        Assert.Equal(2, (await _rounds.GetRevealedAnswersAsync(round.RoundId)).Count);
    }

    [Fact]
    public async Task An_answer_can_be_edited_until_the_reveal_but_not_after()
    {
        var round = (await _questions.OpenAsync(_pair, null, new(null, null))).Round!;
        await _questions.SubmitAsync(round.RoundId, 1, "draft");
        Assert.Equal(SaveAnswerOutcome.Updated, (await _questions.SubmitAsync(round.RoundId, 1, "final")).Outcome);
        Assert.Equal("final", await _rounds.GetOwnAnswerAsync(round.RoundId, 1));

        await _questions.SubmitAsync(round.RoundId, 2, "theirs");
        Assert.Equal(SaveAnswerOutcome.RoundClosed, (await _questions.SubmitAsync(round.RoundId, 1, "too late")).Outcome);
        Assert.Equal("final", (await _rounds.GetRevealedAnswersAsync(round.RoundId)).Single(a => a.UserId == 1).Text);
    }

    [Fact]
    public async Task Both_answers_arriving_together_reveal_exactly_once()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var round = (await _questions.OpenAsync(_pair, null, new(null, null), replacing: (await _rounds.GetOpenAsync(_pair.PairId))?.RoundId)).Round
                ?? (await _rounds.GetOpenAsync(_pair.PairId))!;
            var results = await Task.WhenAll(
                Task.Run(() => _questions.SubmitAsync(round.RoundId, 1, "a")),
                Task.Run(() => _questions.SubmitAsync(round.RoundId, 2, "b")));
            Assert.Single(results, r => r.Outcome == SaveAnswerOutcome.Revealed);
        }
    }

    [Fact]
    public async Task Aggregate_queries_with_no_matching_rows_return_empty_instead_of_failing()
    {
        Assert.Empty(await _rounds.GetHalfAnsweredAsync(_time.GetCurrentInstant()));
        var insights = new BondBot.Features.Questions.RevealedCountsRepository(_db.Connections);
        var (depths, categories) = await insights.RevealedAsync(_pair.PairId, default);
        Assert.Empty(depths);
        Assert.Empty(categories);

        var round = (await _questions.OpenAsync(_pair, null, new(null, null))).Round!;
        await _questions.SubmitAsync(round.RoundId, 1, "mine");
        _time.Advance(NodaTime.Duration.FromHours(5));
        var half = Assert.Single(await _rounds.GetHalfAnsweredAsync(_time.GetCurrentInstant()));
        Assert.Equal(1UL, half.AnsweredBy);
    }

    [Fact]
    public async Task Only_the_two_partners_can_answer()
    {
        var round = (await _questions.OpenAsync(_pair, null, new(null, null))).Round!;
        Assert.Equal(SaveAnswerOutcome.NotInPair, (await _questions.SubmitAsync(round.RoundId, 3, "intruder")).Outcome);
        Assert.Equal(SaveAnswerOutcome.NotInPair, (await _questions.SubmitAsync(round.RoundId + 50, 1, "no round")).Outcome);
        Assert.Empty(await _rounds.GetAnsweredUsersAsync(round.RoundId));
    }

    [Fact]
    public async Task Empty_and_over_long_answers_are_refused()
    {
        var round = (await _questions.OpenAsync(_pair, null, new(null, null))).Round!;
        Assert.Equal(SaveAnswerOutcome.Empty, (await _questions.SubmitAsync(round.RoundId, 1, "   ")).Outcome);
        Assert.Equal(SaveAnswerOutcome.Saved, (await _questions.SubmitAsync(round.RoundId, 1, new string('x', 1500))).Outcome);
        Assert.Equal(SaveAnswerOutcome.TooLong, (await _questions.SubmitAsync(round.RoundId, 2, new string('x', 1501))).Outcome);
    }

    [Fact]
    public async Task An_open_round_is_shown_again_and_only_an_unanswered_one_can_be_replaced()
    {
        var first = await _questions.OpenAsync(_pair, null, new(null, null));
        var again = await _questions.OpenAsync(_pair, null, new(null, null));
        Assert.Equal(QuestionService.OpenOutcome.AlreadyOpen, again.Outcome);
        Assert.Equal(first.Round!.RoundId, again.Round!.RoundId);

        var replaced = await _questions.OpenAsync(_pair, null, new(null, null), replacing: first.Round.RoundId);
        Assert.Equal(QuestionService.OpenOutcome.Opened, replaced.Outcome);
        Assert.NotEqual(first.Round.QuestionKey, replaced.Round!.QuestionKey);
        Assert.Equal(SaveAnswerOutcome.RoundClosed, (await _questions.SubmitAsync(first.Round.RoundId, 1, "old")).Outcome);

        await _questions.SubmitAsync(replaced.Round.RoundId, 1, "answered");
        Assert.Equal(QuestionService.OpenOutcome.CannotReplace, (await _questions.OpenAsync(_pair, null, new(null, null), replacing: replaced.Round.RoundId)).Outcome);
    }

    [Fact]
    public async Task No_question_repeats_until_the_deck_is_exhausted()
    {
        var keys = new List<string>();
        for (var i = 0; i < Deck.Questions.Count; i++)
        {
            var round = (await _questions.OpenAsync(_pair, null, new(null, null))).Round!;
            keys.Add(round.QuestionKey);
            await _questions.SubmitAsync(round.RoundId, 1, "a");
            await _questions.SubmitAsync(round.RoundId, 2, "b");
        }
        Assert.Equal(keys.Count, keys.Distinct().Count());
        var next = (await _questions.OpenAsync(_pair, null, new(null, null))).Round!;
        Assert.Equal(keys[0], next.QuestionKey);
    }

    [Fact]
    public async Task Custom_questions_join_the_draw_only_in_their_guild()
    {
        var added = await _custom.AddAsync(77, "What song reminds you of us?", "fun", 1, 1, _time.GetCurrentInstant());
        var inGuild = (await _questions.OpenAsync(_pair, 77, new("fun", 1))).Round!;
        var keys = new HashSet<string> { inGuild.QuestionKey };
        // Exhaust the draw inside guild 77: the custom question must come up before anything repeats.
        for (var i = 0; i < Deck.Questions.Count; i++)
        {
            var r = (await _questions.OpenAsync(_pair, 77, new(null, null), replacing: (await _rounds.GetOpenAsync(_pair.PairId))!.RoundId)).Round!;
            keys.Add(r.QuestionKey);
        }
        Assert.Contains($"custom:{added!.QuestionId}", keys);
        Assert.False(await _custom.RemoveAsync(78, added.QuestionId, _time.GetCurrentInstant()));
        Assert.True(await _custom.RemoveAsync(77, added.QuestionId, _time.GetCurrentInstant()));
    }
}

public sealed class QuestionServiceTestsOnSqlite() : QuestionServiceTests("sqlite");

public sealed class QuestionServiceTestsOnPostgres() : QuestionServiceTests("postgres");
