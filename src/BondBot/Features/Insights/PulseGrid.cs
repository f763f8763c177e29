using ScottPlot;

namespace BondBot.Features.Insights;

/// <summary>One month of the closeness pulse: the viewer's six ratings and the partner's beside them when both
/// answered that month within this pair (null otherwise).</summary>
public sealed record PulseMonth(string Label, IReadOnlyList<int> You, IReadOnlyList<int>? Partner);

/// <summary>
/// The pulse part of the <c>/insights</c> picture: the six areas down the side, months across, and in each month the
/// viewer's rating and the partner's side by side. Each cell prints its number on a one-hue fill, so the picture reads
/// without telling colours apart. Pure, like <see cref="MoodChart"/>.
/// </summary>
public static class PulseGrid
{
    public const int Width = MoodChart.Width, Height = 330, MaxMonths = 6;
    private const double NamesRight = 190, Top = Height - 56, Row = 36, CellGap = 4;

    /// <summary>The grid as a plot, for <see cref="PictureStack"/> to draw (the caller disposes it).</summary>
    public static Plot Build(IReadOnlyList<string> areas, IReadOnlyList<PulseMonth> months)
    {
        var plot = ChartPalette.Canvas(Width, Height);
        try
        {
            plot.Label("Closeness pulse, month by month", 16, Height - 20, 20, ChartPalette.Ink);
            var monthWidth = (Width - NamesRight - 16) / MaxMonths;
            var cell = (monthWidth - 3 * CellGap) / 2;
            for (var a = 0; a < areas.Count; a++)
                plot.Label(areas[a], 16, RowCentre(a), 14, ChartPalette.Ink);
            for (var m = 0; m < months.Count; m++)
            {
                var left = NamesRight + m * monthWidth + CellGap;
                plot.Label(months[m].Label, left + cell + CellGap / 2, Top + 14, 14, ChartPalette.Ink, Alignment.MiddleCenter, bold: true);
                plot.Label("you", left + cell / 2, Top - 2, 11, ChartPalette.Muted, Alignment.MiddleCenter);
                plot.Label("partner", left + cell * 1.5 + CellGap, Top - 2, 11, ChartPalette.Muted, Alignment.MiddleCenter);
                for (var a = 0; a < areas.Count; a++)
                {
                    Cell(plot, left, RowCentre(a), cell, months[m].You[a]);
                    Cell(plot, left + cell + CellGap, RowCentre(a), cell, months[m].Partner?[a]);
                }
            }
            plot.Label("Each number is a rating from 1 to 5; a dash: your partner's answers for that month aren't in.", 16, 12, 12, ChartPalette.Muted);
            return plot;
        }
        catch
        {
            plot.Dispose();
            throw;
        }
    }

    private static double RowCentre(int area) => Top - 28 - area * Row;

    private static void Cell(Plot plot, double left, double centre, double width, int? value)
    {
        var (fill, text) = value is { } v ? ChartPalette.Rating(v) : (ChartPalette.Grid, ChartPalette.Ink);
        var box = plot.Add.Rectangle(left, left + width, centre - Row / 2 + 3, centre + Row / 2 - 3);
        box.FillColor = fill;
        box.LineColor = ChartPalette.Grid;
        plot.Label(value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–", left + width / 2, centre, 15, text, Alignment.MiddleCenter, bold: true);
    }
}
