using System.Diagnostics;
using BondBot.Discord;
using BondBot.Discord.Rest;
using BondBot.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BondBot.Benchmarks;

/// <summary>
/// Two clients standing in for two BondBot processes with <c>Discord:ProcessCount=2</c> push N channel messages
/// together (half each) against one fake Discord that enforces the bot's 50/s global limit across both. Reports the
/// combined rate as a share of the limit and how many 429s Discord had to send: the static share should lose little
/// and never overrun.
/// </summary>
public static class SharedLimitBenchmark
{
    private const int GlobalLimit = 50;
    private const int Processes = 2;

    public static async Task RunAsync(int messages)
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalRequestsPerSecond = GlobalLimit });
        var guild = fake.AddGuild("bench");
        var channels = Enumerable.Range(0, 100).Select(i => guild.AddTextChannel($"c{i}")).ToList();
        var clients = Enumerable.Range(0, Processes).Select(_ => new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Error))
            .AddSingleton(Options.Create(new DiscordClientOptions
            {
                Token = fake.Token, ApiBaseUrl = fake.ApiBaseUrl, GlobalRequestsPerSecond = GlobalLimit, ProcessCount = Processes,
            }))
            .AddDiscordClient()
            .BuildServiceProvider()).ToList();
        var rests = clients.Select(c => c.GetRequiredService<DiscordRestClient>()).ToList();

        // Warm up both connection pools and the JIT outside the measurement, then wait out the global window.
        foreach (var rest in rests)
            await rest.GetCurrentUserAsync();
        await Task.Delay(1100);
        var before = fake.Requests.Count;

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, messages).Select(i =>
            rests[i % Processes].CreateMessageAsync(channels[i % channels.Count].Id, new MessagePayload { Content = $"message {i}", Nonce = $"s{i}", EnforceNonce = true })));
        clock.Stop();

        var requests = fake.Requests.Skip(before).ToList();
        var (share, span) = GlobalLimitShare.Of(requests, GlobalLimit);
        Console.WriteLine($"shared: {messages} messages from {Processes} clients at ProcessCount={Processes} ({GlobalLimit / Processes}/s each) in {clock.Elapsed.TotalSeconds:0.00} s (first to last request {span:0.00} s)");
        Console.WriteLine($"shared: together {share * GlobalLimit:0.0}/s = {share:P1} of the bot's {GlobalLimit}/s global limit");
        Console.WriteLine($"shared: 429 responses: {requests.Count(r => r.Status == 429)}; messages stored: {channels.Sum(c => fake.MessagesIn(c.Id).Count)}");
        foreach (var client in clients)
            await client.DisposeAsync();
    }
}
