using NodaTime;

namespace BondBot.Features.Questions;

public sealed record Round(long RoundId, long PairId, string QuestionKey, string QuestionText, string Category, long Depth,
    string Status, Instant OpenedAt, ulong? ChannelId, ulong? MessageId)
{
    public bool IsOpen => Status == "open";
}

public sealed record Answer(ulong UserId, string Text);

public enum SaveAnswerOutcome { Saved, Updated, Revealed, RoundClosed, NotInPair, Empty, TooLong }

/// <summary>What happened to an answer; <see cref="Answers"/> holds both answers only when this call revealed them.</summary>
public sealed record SaveAnswerResult(SaveAnswerOutcome Outcome, Round? Round = null, IReadOnlyList<Answer>? Answers = null);
