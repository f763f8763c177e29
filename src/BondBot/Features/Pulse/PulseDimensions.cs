namespace BondBot.Features.Pulse;

/// <summary>The six components of emotional intimacy researchers describe (a check-in on them, not a validated scale),
/// each as a statement in our own words to rate from 1 to 5 (ideas for each live in <c>pulse-ideas.json</c>).</summary>
public sealed record PulseDimension(string Key, string Name, string Statement)
{
    public static IReadOnlyList<PulseDimension> All { get; } =
    [
        new("trust", "Trust", "I feel safe relying on you and being honest with you."),
        new("knowledge", "Knowing each other", "I feel you know my inner world — what I think, feel and need."),
        new("mutuality", "Give and take", "Our relationship feels like a fair give and take."),
        new("commitment", "Commitment", "I feel secure about our future together."),
        new("caring", "Caring", "I feel cared for when things are hard."),
        new("interdependence", "Being a team", "We work as a team on the things that matter."),
    ];
}
