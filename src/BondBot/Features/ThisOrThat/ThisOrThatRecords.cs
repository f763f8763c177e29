using NodaTime;

namespace BondBot.Features.ThisOrThat;

/// <summary>A run of five pairs of options for one pair; open until both partners picked all five.</summary>
public sealed record Run(long RunId, long PairId, string Status, Instant StartedAt)
{
    public bool IsOpen => Status == "open";
}

/// <summary>One pair of options in a run, as it was served (position 1–5).</summary>
public sealed record RunItem(long Position, string DeckId, string OptionA, string OptionB, string FollowUp)
{
    public string Question => OptionPair.AsQuestion(OptionA, OptionB);

    public string Option(string choice) => choice == "a" ? OptionA : OptionB;
}

/// <summary>One person's pick on one item: "a" or "b".</summary>
public sealed record Pick(long Position, ulong UserId, string Choice);

public enum PickOutcome { Picked, Finished, Revealed, AlreadyPicked, RunClosed, NoSuchItem }

/// <summary>What a pick did. <see cref="Next"/> is the picker's next unpicked item (null when they have picked all
/// five); <see cref="Run"/> is null only when the run does not exist.</summary>
public sealed record PickResult(PickOutcome Outcome, Run? Run, RunItem? Next = null);
