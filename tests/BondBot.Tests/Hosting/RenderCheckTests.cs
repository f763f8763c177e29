using System.Diagnostics;
using BondBot.Hosting;
using SkiaSharp;

namespace BondBot.Tests.Hosting;

/// <summary>The check the Dockerfile runs in its runtime image (no system fonts), run here the same way: the real
/// process, with fontconfig pointed at a configuration that knows no fonts at all.</summary>
public sealed class RenderCheckTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bondbot-render-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_render_check_draws_every_picture_with_only_the_embedded_font_when_the_system_has_none()
    {
        Directory.CreateDirectory(_folder);
        var noFonts = Path.Combine(_folder, "fonts.conf");
        await File.WriteAllTextAsync(noFonts, "<?xml version=\"1.0\"?><!DOCTYPE fontconfig SYSTEM \"fonts.dtd\"><fontconfig></fontconfig>");
        var start = new ProcessStartInfo("dotnet", [typeof(BondBotLauncher).Assembly.Location, RenderCheck.Switch, Path.Combine(_folder, "out")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = _folder,
        };
        start.Environment["FONTCONFIG_FILE"] = noFonts;
        start.Environment["FONTCONFIG_PATH"] = _folder;

        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, stderr);
        Assert.Contains("insights.png: 800x710", stdout);
        Assert.Contains("our-week.png: 800x420", stdout);
        Assert.Contains("font DejaVu Sans", stdout);
        foreach (var name in new[] { "insights.png", "our-week.png" })
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(_folder, "out", name));
            Assert.NotNull(bitmap);
            // Text was drawn: the title's rows hold dark ink pixels, not only the card's background.
            Assert.Contains(Enumerable.Range(0, bitmap.Width), x => Enumerable.Range(10, 40).Any(y => bitmap.GetPixel(x, y).Red < 80));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}
