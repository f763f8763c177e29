using ScottPlot;
using SkiaSharp;

namespace BondBot.Features.Insights;

/// <summary>
/// The one font every chart uses: DejaVu Sans, embedded in the assembly (<c>Content/Fonts</c>, licence beside it) and
/// loaded from that stream. The runtime Docker image has no system fonts, so charts must never ask the system for one:
/// our resolver sits first in ScottPlot's list and answers every name, so the system resolver is never reached.
/// </summary>
public static class ChartFont
{
    public const string Family = "DejaVu Sans";
    private const string Resource = "BondBot.Content.Fonts.DejaVuSans.ttf";
    private static readonly Lock Gate = new();
    private static SKTypeface? _typeface;

    /// <summary>The embedded typeface (loaded once; SKTypeface is safe to share between threads).</summary>
    public static SKTypeface Typeface => Install();

    /// <summary>How many typeface requests ScottPlot made and our embedded font answered (tests check it is used).</summary>
    public static int Served => _resolver.Served;

    private static readonly EmbeddedResolver _resolver = new();

    /// <summary>Loads the font and makes it ScottPlot's default and only source; idempotent.</summary>
    public static SKTypeface Install()
    {
        lock (Gate)
        {
            if (_typeface is not null)
                return _typeface;
            using var stream = typeof(ChartFont).Assembly.GetManifestResourceStream(Resource)
                ?? throw new InvalidOperationException($"The chart font {Resource} is not embedded.");
            _typeface = SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("The embedded chart font could not be read.");
            _resolver.Typeface = _typeface;
            Fonts.FontResolvers.Insert(0, _resolver);
            Fonts.Default = Family;
            return _typeface;
        }
    }

    // Answers every font name with the embedded face: labels are plain Latin text we write ourselves, which DejaVu covers.
    private sealed class EmbeddedResolver : IFontResolver
    {
        private int _served;
        public SKTypeface? Typeface { get; set; }
        public int Served => Volatile.Read(ref _served);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) => Serve();

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) => Serve();

        private SKTypeface? Serve()
        {
            Interlocked.Increment(ref _served);
            return Typeface;
        }
    }
}
