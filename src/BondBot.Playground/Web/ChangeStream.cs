using Microsoft.AspNetCore.Http;

namespace BondBot.Playground;

/// <summary>Server-Sent Events for the page: one "changed" event shortly after the bot did anything (a burst of
/// requests becomes one event), and "reset" when the world was replaced. The page then re-reads what it shows.</summary>
internal static class ChangeStream
{
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(120);

    public static async Task RunAsync(HttpContext context, PlaygroundServer server)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-store";
        var signal = new SemaphoreSlim(0);
        var reset = 0;
        void OnChange() { if (signal.CurrentCount == 0) signal.Release(); }
        void OnReset() { Interlocked.Exchange(ref reset, 1); OnChange(); }
        var world = server.World;
        world.Discord.Changed += OnChange;
        server.WorldReplaced += OnReset;
        var stop = context.RequestAborted;
        try
        {
            await context.Response.WriteAsync(": connected\n\n", stop);
            await context.Response.Body.FlushAsync(stop);
            while (!stop.IsCancellationRequested)
            {
                await signal.WaitAsync(stop);
                await Task.Delay(Coalesce, stop);
                if (Interlocked.Exchange(ref reset, 0) == 1)
                {
                    world.Discord.Changed -= OnChange;
                    world = server.World;
                    world.Discord.Changed += OnChange;
                    await context.Response.WriteAsync("event: reset\ndata: {}\n\n", stop);
                }
                else
                    await context.Response.WriteAsync("event: changed\ndata: {}\n\n", stop);
                await context.Response.Body.FlushAsync(stop);
            }
        }
        catch (OperationCanceledException) { }
        finally
        {
            world.Discord.Changed -= OnChange;
            server.WorldReplaced -= OnReset;
        }
    }
}
