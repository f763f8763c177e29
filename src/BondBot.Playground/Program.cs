using BondBot.Playground;

// Try BondBot with no Discord account: a local Discord, the real bot and a page to play both partners.
var (options, error) = PlaygroundOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;   // stop cleanly below instead of being killed mid-write
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

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
await using var running = playground;
Console.WriteLine($"BondBot playground: {playground.Url}  (Ctrl+C stops it)");
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException) { }
return 0;
