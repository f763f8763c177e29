namespace BondBot.Features.Pulse;

/// <summary>The six components of emotional intimacy researchers describe (a check-in on them, not a validated scale),
/// each as a statement in our own words to rate from 1 to 5,
/// and a gentle, specific suggestion for when it is the pair's lowest.</summary>
public sealed record PulseDimension(string Key, string Name, string Statement, string Suggestion)
{
    public static IReadOnlyList<PulseDimension> All { get; } =
    [
        new("trust", "Trust", "I feel safe relying on you and being honest with you.",
            "Try `/question category:trust` together this week, and keep one small, specific promise to each other."),
        new("knowledge", "Knowing each other", "I feel you know my inner world — what I think, feel and need.",
            "Ask each other one `/question category:knowledge` this week and follow up with \"tell me more\"."),
        new("mutuality", "Give and take", "Our relationship feels like a fair give and take.",
            "Each name one thing you'd love the other to do for you this week — and one thing you'll do for them."),
        new("commitment", "Commitment", "I feel secure about our future together.",
            "Plan one concrete thing to look forward to together, even a small one, and put it in your calendars."),
        new("caring", "Caring", "I feel cared for when things are hard.",
            "Share your check-ins' \"one thing I need\" with each other for a week, and answer each one."),
        new("interdependence", "Being a team", "We work as a team on the things that matter.",
            "Pick one shared task or decision this week and do it together from start to finish."),
    ];
}
