namespace BondBot.Playground;

/// <summary>
/// Runs one step of stopping the playground and says on stderr when it takes longer than a few seconds, so someone
/// waiting after Ctrl+C (or a test that gave up) can see which part is holding the process.
/// </summary>
internal static class SlowStep
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(string what, Func<Task> step)
    {
        var running = step();
        if (await Task.WhenAny(running, Task.Delay(Patience)) != running)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            await Console.Error.WriteLineAsync($"Still stopping {what} after {Patience.TotalSeconds:0} s…");
            await running;
            await Console.Error.WriteLineAsync($"Stopped {what} ({(Patience + waited.Elapsed).TotalSeconds:0.0} s).");
        }
        else
        {
            await running;
        }
    }
}
