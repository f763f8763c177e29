using System.Reflection;
using System.Text.Json;

namespace BondBot.Features.Questions;

/// <summary>The built-in deck, read once from the JSON files embedded under <c>Content/Questions</c>.</summary>
public sealed class QuestionDeck
{
    public const int MaxTextLength = 300;
    private const string ResourcePrefix = "BondBot.Content.Questions.";
    private readonly Dictionary<string, DeckQuestion> _byKey;

    public QuestionDeck(IEnumerable<DeckQuestion> questions)
    {
        Questions = questions.ToList();
        _byKey = Questions.ToDictionary(q => q.Key, StringComparer.Ordinal);
    }

    public IReadOnlyList<DeckQuestion> Questions { get; }

    public DeckQuestion? Find(string key) => _byKey.GetValueOrDefault(key);

    public static QuestionDeck LoadEmbedded() => new(ReadEmbedded(typeof(QuestionDeck).Assembly));

    private static IEnumerable<DeckQuestion> ReadEmbedded(Assembly assembly)
    {
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var cards = JsonSerializer.Deserialize<List<Card>>(stream, JsonOptions)
                ?? throw new InvalidDataException($"{name} holds no questions.");
            foreach (var card in cards)
                yield return new DeckQuestion(card.Id, card.Category, card.Depth, card.Text, card.Solo,
                    Enum.Parse<Distance>(card.Distance, ignoreCase: true), Enum.Parse<Stage>(card.Stage, ignoreCase: true));
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record Card(string Id, string Category, int Depth, string Text, bool Solo, string Distance, string Stage);
}
