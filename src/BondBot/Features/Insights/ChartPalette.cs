using ScottPlot;

namespace BondBot.Features.Insights;

/// <summary>
/// The colours every BondBot picture uses. Okabe–Ito hues (distinct for the common colour-vision deficiencies) on a
/// light card with dark ink, which reads the same on Discord's dark and light themes; pictures never rely on colour
/// alone (markers, patterns and printed numbers carry the same facts).
/// </summary>
public static class ChartPalette
{
    public static readonly Color Card = Color.FromHex("#F4F4F2");
    public static readonly Color Ink = Color.FromHex("#222222");
    public static readonly Color Muted = Color.FromHex("#5A5A5A");
    public static readonly Color Grid = Color.FromHex("#D6D6D2");
    public static readonly Color You = Color.FromHex("#0072B2");
    public static readonly Color Partner = Color.FromHex("#E69F00");
    public static readonly Color Both = Color.FromHex("#009E73");

    /// <summary>A 1–5 rating as a fill from pale to deep blue (one hue, so order reads without telling hues apart);
    /// the number is always printed on it, in ink that stays readable on that fill.</summary>
    public static (Color Fill, Color Text) Rating(int value) => value switch
    {
        <= 1 => (Color.FromHex("#EFF3FF"), Ink),
        2 => (Color.FromHex("#BDD7E7"), Ink),
        3 => (Color.FromHex("#6BAED6"), Ink),
        4 => (Color.FromHex("#3182BD"), Colors.White),
        _ => (Color.FromHex("#08519C"), Colors.White),
    };

    /// <summary>A plot whose data area is the whole picture, one unit per pixel, origin at the bottom left: for cards
    /// laid out by hand with the library's text, markers and rectangles.</summary>
    public static Plot Canvas(int width, int height)
    {
        ChartFont.Install();
        var plot = new Plot();
        plot.FigureBackground.Color = Card;
        plot.DataBackground.Color = Card;
        plot.Layout.Frameless();
        plot.HideGrid();
        plot.Axes.SetLimits(0, width, 0, height);
        return plot;
    }

    public static ScottPlot.Plottables.Text Label(this Plot plot, string text, double x, double y, float size, Color colour,
        Alignment alignment = Alignment.MiddleLeft, bool bold = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = size;
        label.LabelFontColor = colour;
        label.LabelAlignment = alignment;
        label.LabelBold = bold;
        return label;
    }
}
