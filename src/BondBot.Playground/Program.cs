using System.Runtime.InteropServices;
using BondBot.Playground;

// Try BondBot with no Discord account: a local Discord, the real bot and a page to play both partners.
var (options, error) = PlaygroundOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
}

// Ctrl+C (SIGINT) and SIGTERM end the wait below, so everything is disposed in order. The hosts inside register
// their own console lifetimes, which would otherwise swallow SIGTERM and leave this process waiting.
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

PlaygroundServer playground;
try
{
    playground = await PlaygroundServer.StartAsync(options);
}
catch (Exception e) when (e is IOException or InvalidOperationException)
{
    Console.Error.WriteLine($"The playground could not start: {e.Message}");
    return 1;
}
Console.WriteLine($"BondBot playground: {playground.Url}  (Ctrl+C stops it)");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException) { }
Console.WriteLine("Stopping the playground…");
await playground.DisposeAsync();
Console.WriteLine("Stopped.");
return 0;
