using System.Text.Json;
using System.Text.Json.Serialization;

namespace BondBot.Content;

/// <summary>Reads one of the format decks in <c>Content/Decks</c> (embedded JSON arrays): the one place that knows
/// how they are named and parsed, so every feature reads its deck the same way.</summary>
public static class EmbeddedDeck
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The cards of <c>Content/Decks/<paramref name="name"/>.json</c>; fails at start-up, not on first use,
    /// when the file is missing or empty.</summary>
    public static IReadOnlyList<T> Load<T>(string name)
    {
        var resource = $"BondBot.Content.Decks.{name}.json";
        using var stream = typeof(EmbeddedDeck).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidDataException($"{resource} is not embedded.");
        var cards = JsonSerializer.Deserialize<List<T>>(stream, JsonOptions);
        return cards is { Count: > 0 } ? cards : throw new InvalidDataException($"{resource} holds no cards.");
    }

    /// <summary>A stable pick that changes day by day: consecutive days get consecutive cards of a shuffled order, so
    /// a pool of n repeats only after n days, and <paramref name="salt"/> keeps two pools from moving in step.</summary>
    public static T ForDay<T>(IReadOnlyList<T> cards, int dayNumber, int salt = 0)
    {
        // A fixed multiplier coprime with the pool size walks every card once per cycle in a scattered order.
        var step = Coprime(cards.Count, 7 + salt * 4);
        var index = (int)((((long)dayNumber * step + salt * 13) % cards.Count + cards.Count) % cards.Count);
        return cards[index];
    }

    private static int Coprime(int n, int start)
    {
        for (var s = start; ; s++)
            if (Gcd(s, n) == 1) return s;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
