using System.Text.Json;
using System.Text.Json.Serialization;
using BondBot.Features.Questions;
using NodaTime;

namespace BondBot.Features.Rituals;

public enum Energy { Low, Medium, High }

public enum Cost { Free, Low, Some }

/// <summary>Whether a ritual suits a pair in its first weeks, any pair, or one with shared history.</summary>
public enum RitualStage { Any, New, Established }

/// <summary>A weekly connection ritual or date idea (Content/rituals.json, our own writing), tagged with its theme,
/// who it suits (apart, together or either), the energy and cost it takes, and the stage of a relationship.</summary>
public sealed record Ritual(string Id, string Title, string Text, string Category, Distance Distance, Energy Energy, Cost Cost, RitualStage Stage);

/// <summary>The ritual ideas, and the choice of this week's one for a pair: the same for both partners, different
/// from week to week; pairs apart get ideas that work at a distance, pairs together ones that need being in one place.</summary>
public sealed class RitualDeck(IReadOnlyList<Ritual> rituals)
{
    public IReadOnlyList<Ritual> Rituals { get; } = rituals;

    public static RitualDeck LoadEmbedded()
    {
        using var stream = typeof(RitualDeck).Assembly.GetManifestResourceStream("BondBot.Content.rituals.json")
            ?? throw new InvalidDataException("rituals.json is not embedded.");
        return new RitualDeck(JsonSerializer.Deserialize<List<Ritual>>(stream, JsonOptions)!);
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>This week's ritual for a pair that is <paramref name="apart"/> or together: from the rituals that suit
    /// them (their own kind and those that work either way).</summary>
    public Ritual For(long pairKey, LocalDate week, bool apart)
    {
        var fits = apart ? Distance.Apart : Distance.Together;
        var pool = Rituals.Where(r => r.Distance == fits || r.Distance == Distance.Any).ToList();
        // Weeks since the epoch rotate through the pool; the pair key offsets it so pairs differ.
        var weeks = Period.Between(new LocalDate(2000, 1, 2), week, PeriodUnits.Days).Days / 7;
        var index = (int)((weeks + pairKey) % pool.Count);
        return pool[Math.Abs(index)];
    }

    /// <summary>The week a date belongs to, named by its most recent <paramref name="ritualDay"/> (the day the week's ritual is due).</summary>
    public static LocalDate WeekOf(LocalDate date, IsoDayOfWeek ritualDay) =>
        date.DayOfWeek == ritualDay ? date : date.Previous(ritualDay);
}
