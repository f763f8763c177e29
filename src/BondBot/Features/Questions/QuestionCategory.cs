namespace BondBot.Features.Questions;

/// <summary>
/// The deck's categories: the six components of emotional intimacy researchers describe, then twelve themes. <see cref="Key"/> is what
/// the data files and the database hold; <see cref="Name"/> is what people read.
/// </summary>
public sealed record QuestionCategory(string Key, string Name, string Emoji)
{
    public static readonly QuestionCategory Trust = new("trust", "Trust", "🤝");
    public static readonly QuestionCategory Knowledge = new("knowledge", "Knowing each other", "🔍");
    public static readonly QuestionCategory Mutuality = new("mutuality", "Give and take", "⚖️");
    public static readonly QuestionCategory Commitment = new("commitment", "Commitment", "🌱");
    public static readonly QuestionCategory Caring = new("caring", "Caring", "💞");
    public static readonly QuestionCategory Interdependence = new("interdependence", "Being a team", "🧩");
    public static readonly QuestionCategory Fun = new("fun", "Fun", "🎈");
    public static readonly QuestionCategory Dreams = new("dreams", "Dreams & future", "🌠");
    public static readonly QuestionCategory Memories = new("memories", "Memories", "📸");
    public static readonly QuestionCategory Appreciation = new("appreciation", "Appreciation", "🙏");
    public static readonly QuestionCategory Repair = new("repair", "Repair after conflict", "🩹");
    public static readonly QuestionCategory LongDistance = new("long-distance", "Long distance", "✈️");
    public static readonly QuestionCategory EverydayBids = new("everyday-bids", "Everyday bids", "👋");
    public static readonly QuestionCategory Values = new("values", "Values", "🧭");
    public static readonly QuestionCategory RootsCulture = new("roots-culture", "Roots & culture", "🌍");
    public static readonly QuestionCategory StressChange = new("stress-change", "Stress & change", "🌧️");
    public static readonly QuestionCategory FeelingLoved = new("feeling-loved", "Feeling loved", "💝");
    public static readonly QuestionCategory ClosingDistance = new("closing-distance", "Closing the distance", "🧳");

    public static IReadOnlyList<QuestionCategory> All { get; } =
    [
        Trust, Knowledge, Mutuality, Commitment, Caring, Interdependence, Fun, Dreams, Memories, Appreciation, Repair, LongDistance,
        EverydayBids, Values, RootsCulture, StressChange, FeelingLoved, ClosingDistance,
    ];

    public static QuestionCategory? Find(string? key) => All.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));

    public static string DepthName(long depth) => depth switch { 1 => "Light", 2 => "Deeper", 3 => "Deepest", _ => "?" };
}
