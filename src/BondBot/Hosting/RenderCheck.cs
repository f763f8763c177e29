using BondBot.Features.Insights;
using BondBot.Features.WeekTogether;
using NodaTime;
using SkiaSharp;

namespace BondBot.Hosting;

/// <summary>
/// <c>dotnet BondBot.dll --render-check [folder]</c>: draws each kind of picture BondBot sends from sample data, checks
/// that it decodes and that the embedded font drew its text, optionally writes them to a folder, and exits 0 (or 1 with
/// the reason). The Dockerfile runs it inside the runtime image, which has no system fonts, so an image that cannot
/// draw fails its build instead of a couple's <c>/insights</c>.
/// </summary>
public static class RenderCheck
{
    public const string Switch = "--render-check";

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var from = new LocalDate(2026, 3, 1);
            var moods = Enumerable.Range(0, InsightsPicture.Days).Select(i => i % 4 == 0 ? (int?)null : 1 + i % 5).ToList();
            var months = Enumerable.Range(1, 3).Select(m => new PulseMonth($"Month {m}", [1, 2, 3, 4, 5, m], m == 2 ? null : [5, 4, 3, 2, 1, m])).ToList();
            var pictures = new Dictionary<string, byte[]>
            {
                ["insights.png"] = InsightsPicture.Draw(new MoodChartData(from, moods, moods.AsEnumerable().Reverse().ToList()), months)!,
                ["our-week.png"] = WeekCardPicture.Png(new WeekFacts(from, [true, false, true, true, false, true, true], 2, 3, null)),
            };
            if (ChartFont.Served == 0)
                throw new InvalidOperationException("the pictures drew no text with the embedded font");
            foreach (var (name, png) in pictures)
            {
                using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException($"{name} did not decode as PNG");
                output.WriteLine($"{name}: {bitmap.Width}x{bitmap.Height}, {png.Length / 1024.0:0.0} KB, font {ChartFont.Typeface.FamilyName}");
                if (args.Length > 1)
                {
                    Directory.CreateDirectory(args[1]);
                    File.WriteAllBytes(Path.Combine(args[1], name), png);
                }
            }
            return ExitCodes.Ok;
        }
        catch (Exception e)
        {
            error.WriteLine($"BondBot cannot draw its pictures here: {e.Message}");
            return ExitCodes.Unexpected;
        }
    }
}
