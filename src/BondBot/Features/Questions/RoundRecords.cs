using NodaTime;

namespace BondBot.Features.Questions;

/// <summary>A question asked to a pair. <see cref="AskedCategory"/> and <see cref="AskedDepth"/> are what was asked
/// for (null: anything), kept so a swap stays within them; <see cref="SwappedBy"/> is who swapped this one in;
/// <see cref="SetAsideTimes"/> counts the "Not yet"s that sent it away for a while.</summary>
public sealed record Round(long RoundId, long PairId, string QuestionKey, string QuestionText, string Category, long Depth,
    string Status, Instant OpenedAt, ulong? ChannelId, ulong? MessageId, string? AskedCategory = null, long? AskedDepth = null, ulong? SwappedBy = null,
    long SetAsideTimes = 0)
{
    public bool IsOpen => Status == "open";
}

public sealed record Answer(ulong UserId, string Text);

public enum SaveAnswerOutcome { Saved, Updated, Revealed, RoundClosed, NotInPair, Empty, TooLong }

/// <summary>What happened to an answer; <see cref="Answers"/> holds both answers only when this call revealed them.</summary>
public sealed record SaveAnswerResult(SaveAnswerOutcome Outcome, Round? Round = null, IReadOnlyList<Answer>? Answers = null);
