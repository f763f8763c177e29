using BondBot.Benchmarks;

// Prints measured figures; never asserts. Usage: dotnet run --project tests/BondBot.Benchmarks -c Release -- [rest|shared|fanout|startup|latency|due|chart] [N] [chart: sample folder]
var mode = args.Length > 0 ? args[0] : "rest";
var count = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 0;
switch (mode)
{
    case "rest":
        await RestThroughputBenchmark.RunAsync(count > 0 ? count : 1000);
        break;
    case "shared":
        await SharedLimitBenchmark.RunAsync(count > 0 ? count : 1000);
        break;
    case "fanout":
        await FanOutBenchmark.RunAsync(count > 0 ? count : 1000);
        break;
    case "latency":
        await CommandLatencyBenchmark.RunAsync(count > 0 ? count : 500);
        break;
    case "startup":
        await StartupBenchmark.RunAsync(count > 0 ? count : 10_000);
        break;
    case "due":
        await DueQueryBenchmark.RunAsync(count > 0 ? count : 1_000_000);
        break;
    case "chart":
        ChartBenchmark.Run(count > 0 ? count : 50, args.Length > 2 ? args[2] : null);
        break;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{mode}'. Modes: rest, shared, fanout, startup, latency, due, chart");
        return 2;
}
return 0;
