using BondBot.Content;
using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary>One wording of a check-in question: which of the three it is (<c>good</c>, <c>weight</c>, <c>need</c>), its
/// label in the form and a hint.</summary>
public sealed record CheckInPrompt(string Id, string Slot, string Label, string? Placeholder);

/// <summary>The three check-in questions of a day, one from each pool, rotating daily (the same for everyone on a
/// given local date), so the form doesn't read the same every evening.</summary>
public sealed class CheckInPrompts
{
    private readonly IReadOnlyList<CheckInPrompt>[] _pools;

    public CheckInPrompts(IReadOnlyList<CheckInPrompt> prompts)
    {
        _pools = new[] { "good", "weight", "need" }.Select(slot => (IReadOnlyList<CheckInPrompt>)prompts.Where(p => p.Slot == slot).ToList()).ToArray();
        if (_pools.Any(p => p.Count == 0))
            throw new InvalidDataException("checkin-prompts.json needs prompts for good, weight and need.");
    }

    public static CheckInPrompts LoadEmbedded() => new(EmbeddedDeck.Load<CheckInPrompt>("checkin-prompts"));

    public sealed record Day(CheckInPrompt Good, CheckInPrompt Weight, CheckInPrompt Need);

    public Day For(LocalDate date)
    {
        var day = date.ToDateOnly().DayNumber;
        return new Day(EmbeddedDeck.ForDay(_pools[0], day, 0), EmbeddedDeck.ForDay(_pools[1], day, 1), EmbeddedDeck.ForDay(_pools[2], day, 2));
    }
}
