using System.Text.Json;
using NodaTime;

namespace BondBot.Features.Rituals;

/// <summary>A weekly connection ritual or date idea (Content/rituals.json, our own writing).</summary>
public sealed record Ritual(string Id, string Title, string Text, bool LongDistance, string Dimension);

/// <summary>The ritual ideas, and the choice of this week's one for a pair: the same for both partners, different
/// from week to week, and one that works at a distance when they live in different time zones.</summary>
public sealed class RitualDeck(IReadOnlyList<Ritual> rituals)
{
    public IReadOnlyList<Ritual> Rituals { get; } = rituals;

    public static RitualDeck LoadEmbedded()
    {
        using var stream = typeof(RitualDeck).Assembly.GetManifestResourceStream("BondBot.Content.rituals.json")
            ?? throw new InvalidDataException("rituals.json is not embedded.");
        return new RitualDeck(JsonSerializer.Deserialize<List<Ritual>>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!);
    }

    public Ritual For(long pairKey, LocalDate week, bool apart)
    {
        var pool = apart ? Rituals.Where(r => r.LongDistance).ToList() : Rituals.ToList();
        // Weeks since the epoch rotate through the pool; the pair key offsets it so pairs differ.
        var weeks = Period.Between(new LocalDate(2000, 1, 2), week, PeriodUnits.Days).Days / 7;
        var index = (int)((weeks + pairKey) % pool.Count);
        return pool[Math.Abs(index)];
    }

    /// <summary>The week a date belongs to, named by its most recent <paramref name="ritualDay"/> (the day the week's ritual is due).</summary>
    public static LocalDate WeekOf(LocalDate date, IsoDayOfWeek ritualDay) =>
        date.DayOfWeek == ritualDay ? date : date.Previous(ritualDay);
}
