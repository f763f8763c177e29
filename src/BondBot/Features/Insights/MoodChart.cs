using System.Globalization;
using NodaTime;
using ScottPlot;

namespace BondBot.Features.Insights;

/// <summary>Two people's moods, one value (1–5) or a gap per day, oldest first, both lists the same length; a line is
/// drawn only when it is <see cref="MoodChart.Drawable"/> (enough check-ins, and for the partner: shared ones).</summary>
public sealed record MoodChartData(LocalDate From, IReadOnlyList<int?> You, IReadOnlyList<int?> Partner);

/// <summary>
/// Renders the moods picture for <c>/insights</c> as a PNG. Pure: the same data gives the same bytes, so it can be
/// benchmarked and compared. Colours are the Okabe–Ito blue and orange (distinct for the common colour-vision
/// deficiencies), and the two lines also differ by marker (circle, square) and pattern (solid, dashed), so colour is
/// never the only cue. The picture sits on a light card with dark text, which reads the same on Discord's dark and
/// light themes.
/// </summary>
public static class MoodChart
{
    public const int Width = 800, Height = 380;

    /// <summary>Check-ins a line needs before it is drawn, as for the text sparkline.</summary>
    public static bool Drawable(IReadOnlyList<int?> moods) => moods.Count(m => m is not null) >= InsightsCommand.MoodLineAfter;

    private const double BothRow = 0;

    public static byte[] Render(MoodChartData data) => PictureStack.Png([(Build(data), Height)], Width);

    /// <summary>The chart as a plot, for <see cref="PictureStack"/> to draw (the caller disposes it).</summary>
    public static Plot Build(MoodChartData data)
    {
        ChartFont.Install();
        var plot = new Plot();
        try
        {
            plot.FigureBackground.Color = ChartPalette.Card;
            plot.DataBackground.Color = Colors.White;
            plot.Axes.Color(ChartPalette.Ink);
            plot.Grid.MajorLineColor = ChartPalette.Grid;
            plot.Title("Moods, last 12 weeks", size: 20);
            plot.Axes.Title.Label.ForeColor = ChartPalette.Ink;

            AddLine(plot, data.You, "You", ChartPalette.You, MarkerShape.FilledCircle, LinePattern.Solid);
            AddLine(plot, data.Partner, "Your partner", ChartPalette.Partner, MarkerShape.FilledSquare, LinePattern.Dashed);

            AddBothStrip(plot, data);

            var days = data.You.Count;
            // Room past today so its date label is not cut at the right edge; room below 1 for the "both in" strip.
            plot.Axes.SetLimits(-1, days + 1.5, BothRow - 0.5, 5.4);
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [BothRow, 1, 2, 3, 4, 5], ["both in", "1 low", "2", "3", "4", "5 great"]);
            // A tick each Monday-aligned fortnight would drift; a tick every 14 days back from today keeps "today" labelled.
            var ticks = Enumerable.Range(0, days).Where(i => (days - 1 - i) % 14 == 0).ToArray();
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                ticks.Select(i => (double)i).ToArray(),
                ticks.Select(i => data.From.PlusDays(i).ToString("MMM d", CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.Left.TickLabelStyle.FontSize = 14;
            plot.Axes.Bottom.TickLabelStyle.FontSize = 14;

            plot.Legend.FontSize = 15;
            plot.Legend.FontColor = ChartPalette.Ink;
            plot.ShowLegend(Edge.Bottom);   // below the axis: never covers a point
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    /// <summary>Days both checked in (the partner's as far as shared with the viewer): the streak at a glance.</summary>
    public static IEnumerable<int> BothDays(MoodChartData data) =>
        Enumerable.Range(0, data.You.Count).Where(i => data.You[i] is not null && i < data.Partner.Count && data.Partner[i] is not null);

    // A calendar strip along the bottom: a diamond (Okabe–Ito bluish green) for each day you both checked in.
    private static void AddBothStrip(Plot plot, MoodChartData data)
    {
        var both = BothDays(data).Select(i => (double)i).ToArray();
        if (both.Length == 0)
            return;
        var strip = plot.Add.ScatterPoints(both, both.Select(_ => BothRow).ToArray(), ChartPalette.Both);
        strip.MarkerShape = MarkerShape.FilledDiamond;
        strip.MarkerSize = 9;
        strip.LegendText = "Both checked in";
    }

    // One scatter per run of consecutive days, so a missing day is a visible gap rather than a line across it;
    // only the first run carries the legend entry.
    private static void AddLine(Plot plot, IReadOnlyList<int?> moods, string label, Color colour, MarkerShape marker, LinePattern pattern)
    {
        if (!Drawable(moods))
            return;
        var first = true;
        foreach (var run in Runs(moods))
        {
            var line = plot.Add.Scatter(run.Select(p => (double)p.Day).ToArray(), run.Select(p => (double)p.Mood).ToArray(), colour);
            line.LineWidth = 2.5f;
            line.LinePattern = pattern;
            line.MarkerShape = marker;
            line.MarkerSize = 8;
            if (first)
                line.LegendText = label;
            first = false;
        }
    }

    internal static IEnumerable<List<(int Day, int Mood)>> Runs(IReadOnlyList<int?> moods)
    {
        var run = new List<(int, int)>();
        for (var day = 0; day < moods.Count; day++)
        {
            if (moods[day] is { } mood)
            {
                run.Add((day, mood));
                continue;
            }
            if (run.Count > 0)
                yield return run;
            run = [];
        }
        if (run.Count > 0)
            yield return run;
    }
}
