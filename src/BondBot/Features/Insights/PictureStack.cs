using ScottPlot;
using SkiaSharp;

namespace BondBot.Features.Insights;

/// <summary>Draws plots one under another onto a single canvas and encodes it once as PNG: Discord shows one attachment
/// as one picture beside the text, where several would become a gallery to tap through. Disposes the plots.</summary>
public static class PictureStack
{
    public static byte[] Png(IReadOnlyList<(Plot Plot, int Height)> parts, int width)
    {
        try
        {
            using var surface = SKSurface.Create(new SKImageInfo(width, parts.Sum(p => p.Height)));
            var canvas = surface.Canvas;
            var top = 0;
            foreach (var (plot, height) in parts)
            {
                canvas.Save();
                canvas.Translate(0, top);
                canvas.ClipRect(new SKRect(0, 0, width, height));
                plot.Render(canvas, width, height);
                canvas.Restore();
                top += height;
            }
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            return data.ToArray();
        }
        finally
        {
            foreach (var (plot, _) in parts)
                plot.Dispose();
        }
    }
}
