namespace BondBot.Features.Insights;

/// <summary>Moods as a row of block characters (▁▂▃▄▅▆▇█), one per day, with a space for a day without a check-in.</summary>
public static class Sparkline
{
    // Mood 1 is the lowest block and 5 the full one; the steps between keep the shape readable at a glance.
    private static readonly char[] Blocks = ['▁', '▃', '▄', '▆', '█'];
    public const char Gap = ' ';

    public static string Render(IReadOnlyList<int?> moods) =>
        new(moods.Select(m => m is >= 1 and <= 5 ? Blocks[m.Value - 1] : Gap).ToArray());
}
