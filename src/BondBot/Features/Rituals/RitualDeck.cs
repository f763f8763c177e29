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

    /// <summary>This week's ritual for a pair: from the rituals that suit them — at a distance when they are
    /// <paramref name="apart"/> (or sometimes apart), in one place when <paramref name="together"/>, either way always;
    /// first-weeks ideas for a <paramref name="newCouple"/>, shared-history ones for the rest.</summary>
    public Ritual For(long pairKey, LocalDate week, bool apart, bool together, bool newCouple)
    {
        var pool = Rituals.Where(r => (r.Distance != Distance.Apart || apart) && (r.Distance != Distance.Together || together)
                                      && (r.Stage != RitualStage.New || newCouple) && (r.Stage != RitualStage.Established || !newCouple)).ToList();
        // Weeks since the epoch rotate through the pool; the pair key offsets it so pairs differ.
        var weeks = Period.Between(new LocalDate(2000, 1, 2), week, PeriodUnits.Days).Days / 7;
        var index = (int)((weeks + pairKey) % pool.Count);
        return pool[Math.Abs(index)];
    }

    /// <summary>The week a date belongs to, named by its most recent <paramref name="ritualDay"/> (the day the week's ritual is due).</summary>
    public static LocalDate WeekOf(LocalDate date, IsoDayOfWeek ritualDay) =>
        date.DayOfWeek == ritualDay ? date : date.Previous(ritualDay);
}
