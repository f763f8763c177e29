using System.Globalization;
using BondBot.Discord;
using BondBot.Features.Insights;
using BondBot.Interactions;
using ScottPlot;

namespace BondBot.Features.WeekTogether;

/// <summary>
/// "Your week together" as one picture: the seven days (a filled diamond where both checked in, an open circle where
/// not: shape, not only colour), three counts, and the week's highlight. Drawn with the plotting library's text and
/// markers on the shared palette and the embedded font, so it renders the same anywhere. Pure.
/// </summary>
public static class WeekCardPicture
{
    public const int Width = 800, Height = 420;
    public const string FileName = "our-week.png";

    public static FileUpload Render(WeekFacts week) =>
        new(FileName, Png(week), "image/png", AltText(week));

    public static byte[] Png(WeekFacts week) => PictureStack.Png([(Build(week), Height)], Width);

    private static Plot Build(WeekFacts week)
    {
        var plot = ChartPalette.Canvas(Width, Height);
        try
        {
            plot.Label("Your week together", 32, Height - 40, 30, ChartPalette.Ink, bold: true);
            plot.Label(Span(week), 32, Height - 80, 17, ChartPalette.Muted);

            for (var i = 0; i < 7; i++)
            {
                var x = 80 + i * 106;
                var both = week.BothIn[i];
                var marker = plot.Add.Marker(x, 250, both ? MarkerShape.FilledDiamond : MarkerShape.OpenCircle, 34, both ? ChartPalette.Both : ChartPalette.Muted);
                marker.MarkerLineWidth = 3;
                plot.Label(week.From.PlusDays(i).ToString("ddd", CultureInfo.InvariantCulture), x, 205, 15, ChartPalette.Ink, Alignment.MiddleCenter);
            }
            plot.Label("◆ you both checked in    ○ not both", Width - 32, Height - 80, 14, ChartPalette.Muted, Alignment.MiddleRight);

            Count(plot, 130, week.DaysBothIn, "days you both", "checked in");
            Count(plot, 400, week.Revealed, "questions", "revealed");
            Count(plot, 670, week.Notes, "notes", "between you");

            var lines = Wrap(week.Highlight, 72);
            for (var i = 0; i < lines.Count; i++)
                plot.Label(lines[i], 32, (lines.Count == 1 ? 30 : 42) - i * 24, 17, ChartPalette.Ink);
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    /// <summary>The highlight on at most two lines that fit the card (the text is ours, or a question of ours).</summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string> { "" };
        foreach (var word in text.Split(' '))
        {
            if (lines[^1].Length > 0 && lines[^1].Length + 1 + word.Length > width)
                lines.Add("");
            lines[^1] = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
        }
        return lines.Count <= 2 ? lines : [lines[0], lines[1][..Math.Min(lines[1].Length, width - 1)].TrimEnd() + "…"];
    }

    private static void Count(Plot plot, double x, int value, string line1, string line2)
    {
        plot.Label(value.ToString(CultureInfo.InvariantCulture), x, 145, 40, ChartPalette.You, Alignment.MiddleCenter, bold: true);
        plot.Label(line1, x, 104, 15, ChartPalette.Ink, Alignment.MiddleCenter);
        plot.Label(line2, x, 84, 15, ChartPalette.Ink, Alignment.MiddleCenter);
    }

    private static string Span(WeekFacts week) =>
        $"{week.From.ToString("ddd d MMM", CultureInfo.InvariantCulture)} – {week.To.ToString("ddd d MMM", CultureInfo.InvariantCulture)}";

    /// <summary>The card in words, for screen readers (Discord's attachment description).</summary>
    public static string AltText(WeekFacts week) => DiscordLimits.Truncate(
        $"Your week together, {Span(week)}: you both checked in on {Plural.Of(week.DaysBothIn, "day")} " +
        $"({string.Join(", ", Enumerable.Range(0, 7).Where(i => week.BothIn[i]).Select(i => week.From.PlusDays(i).ToString("dddd", CultureInfo.InvariantCulture))).NullIfEmpty() ?? "none"}), " +
        $"revealed {Plural.Of(week.Revealed, "question")}, and {Plural.Of(week.Notes, "note")} went between you. {week.Highlight}", 1024);

    private static string? NullIfEmpty(this string text) => text.Length == 0 ? null : text;
}
