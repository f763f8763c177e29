using System.Diagnostics;
using BondBot.Discord;
using BondBot.Discord.Rest;
using BondBot.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BondBot.Benchmarks;

/// <summary>
/// Pushes N channel messages through the real client against the fake Discord enforcing a 50/s global limit,
/// spread over enough channels that per-channel buckets (5 per 5 s) are never the bottleneck. Reports the
/// achieved rate as a share of the global limit and how many 429s Discord had to send.
/// </summary>
public static class RestThroughputBenchmark
{
    private const int GlobalLimit = 50;

    public static async Task RunAsync(int messages)
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalRequestsPerSecond = GlobalLimit });
        var guild = fake.AddGuild("bench");
        var channels = Enumerable.Range(0, 100).Select(i => guild.AddTextChannel($"c{i}")).ToList();
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Error))
            .AddSingleton(Options.Create(new DiscordClientOptions { Token = fake.Token, ApiBaseUrl = fake.ApiBaseUrl, GlobalRequestsPerSecond = GlobalLimit }))
            .AddDiscordClient()
            .BuildServiceProvider();
        var rest = services.GetRequiredService<DiscordRestClient>();

        // Warm up the connection pool and JIT outside the measurement, then wait out the global window.
        await rest.GetCurrentUserAsync();
        await Task.Delay(1100);
        var before = fake.Requests.Count;

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, messages).Select(i =>
            rest.CreateMessageAsync(channels[i % channels.Count].Id, new MessagePayload { Content = $"message {i}", Nonce = $"b{i}", EnforceNonce = true })));
        clock.Stop();

        var requests = fake.Requests.Skip(before).ToList();
        var (share, span) = GlobalLimitShare.Of(requests, GlobalLimit);
        Console.WriteLine($"rest: {messages} messages over {channels.Count} channels in {clock.Elapsed.TotalSeconds:0.00} s (first to last request {span:0.00} s)");
        Console.WriteLine($"rest: sustained {share * GlobalLimit:0.0}/s = {share:P1} of the {GlobalLimit}/s global limit");
        Console.WriteLine($"rest: 429 responses: {requests.Count(r => r.Status == 429)}; messages stored: {channels.Sum(c => fake.MessagesIn(c.Id).Count)}");
    }
}
