using NodaTime;

namespace BondBot.Features.Repair;

/// <summary>One card of the repair kit (Content/Decks/repair-kit.json, our own writing), tagged with the Four Horsemen
/// antidote it practises. A "…" in its text is a gap the person fills in before anything is sent.</summary>
public sealed record RepairCard(string Id, string Antidote, string Text)
{
    public const string Gap = "…";

    public int Gaps => Text.Split(Gap).Length - 1;
}

/// <summary>The repair kit's cards and the day's picks from them. Picks rotate by day (from the injected clock), so
/// the kit feels fresh from one hard evening to the next and a test knows what it will show.</summary>
public sealed class RepairDeck(IReadOnlyList<RepairCard> cards)
{
    public const string GentleStartup = "gentle-startup";
    public const string Appreciation = "appreciation";
    public const string Responsibility = "responsibility";
    public const string SelfSoothing = "self-soothing";

    public IReadOnlyList<RepairCard> Cards { get; } = cards;

    public static RepairDeck LoadEmbedded() => new(Content.EmbeddedDeck.Load<RepairCard>("repair-kit"));

    public RepairCard? Find(string id) => Cards.FirstOrDefault(c => c.Id == id);

    /// <summary>The day's card of one antidote; <paramref name="offset"/> gives a second, different card the same day.</summary>
    public RepairCard Pick(string antidote, LocalDate day, int offset = 0)
    {
        var pool = Of(antidote);
        return pool[Index(day, offset, pool.Count)];
    }

    /// <summary>A small calming or warming idea for the kit's first card: self-soothing and appreciation take turns.</summary>
    public RepairCard IdeaOfTheDay(LocalDate day) => Pick(DayNumber(day) % 2 == 0 ? SelfSoothing : Appreciation, day);

    /// <summary>The repair cards offered today: <paramref name="each"/> of appreciation and of taking responsibility,
    /// alternating, consecutive in the deck from the day's starting point.</summary>
    public IReadOnlyList<RepairCard> AttemptChoices(LocalDate day, int each)
    {
        var appreciation = Of(Appreciation);
        var responsibility = Of(Responsibility);
        return Enumerable.Range(0, each)
            .SelectMany(i => new[] { responsibility[Index(day, i, responsibility.Count)], appreciation[Index(day, i, appreciation.Count)] })
            .Distinct()
            .ToList();
    }

    private List<RepairCard> Of(string antidote) =>
        Cards.Where(c => c.Antidote == antidote).ToList() is { Count: > 0 } pool ? pool : throw new InvalidDataException($"No {antidote} cards.");

    private static int Index(LocalDate day, int offset, int count) => (int)((DayNumber(day) + offset) % count);

    private static long DayNumber(LocalDate day) => day.ToDateOnly().DayNumber;
}
