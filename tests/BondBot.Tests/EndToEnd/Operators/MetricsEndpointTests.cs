using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using BondBot.Discord.Gateway;
using BondBot.FakeDiscord;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static BondBot.Tests.EndToEnd.Operators.Admins;

namespace BondBot.Tests.EndToEnd.Operators;

/// <summary>Runs alone: OpenTelemetry listens to meters by name across the process, so another test's host, on the same
/// meter names, would mix its counts into this scrape (one BondBot host per process is how BondBot runs).</summary>
[CollectionDefinition(nameof(MetricsEndpointTests), DisableParallelization = true)]
[Collection(nameof(MetricsEndpointTests))]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task A_scripted_run_moves_the_counters_on_the_loopback_prometheus_endpoint()
    {
        var port = FreePort();
        await using var bot = await BotHarness.StartAsync(settings: $"--Metrics:Port={port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var world = new World(bot.Fake);
        var before = Parse(await http.GetStringAsync("metrics"));

        await world.ReplyAsync(await world.CommandAsync(world.Alice, "help"));
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await world.ReplyAsync(await world.CommandAsync(AddAdmin(world), "admin", new FakeOption("status", 1, null, [])));
        bot.Fake.ForceRateLimit("/messages", 0.05);
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "appreciate", new FakeOption("note", 3, "thank you")));
        await bot.Services.GetRequiredService<SettingsService>().UpdateAsync(world.Bob.Id, DateTimeZone.Utc, new LocalTime(12, 15), CheckInDays.Every);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 12, 20));
        await bot.Fake.DropGatewayAsync();
        var gateway = bot.Services.GetRequiredService<DiscordGatewayClient>();
        await bot.Fake.WaitUntilAsync(() => gateway.ResumeCount == 1, TimeSpan.FromSeconds(15));

        var text = await http.GetStringAsync("metrics");
        var after = Parse(text);
        double Moved(string series) => after.GetValueOrDefault(series) - before.GetValueOrDefault(series);

        Assert.True(Moved("bondbot_interactions_total{command=\"help\",outcome=\"ok\"}") >= 1, text);
        Assert.True(Moved("bondbot_interactions_total{command=\"admin\",outcome=\"ok\"}") >= 1, text);
        Assert.True(Moved("bondbot_interaction_ack_latency_milliseconds_count{command=\"help\"}") >= 1, text);
        Assert.True(Moved("discord_rest_requests_total{route=\"POST /interactions/{interaction_id}/{token}/callback\",status=\"204\"}") >= 3, text);
        Assert.True(Moved("discord_rest_rate_limited_total{route=\"POST /channels/{channel_id}/messages\",scope=\"user\"}") >= 1, text);
        Assert.True(Moved("bondbot_scheduler_passes_total") >= 1, text);
        Assert.True(Moved("bondbot_prompts_due_total") >= 1, text);
        Assert.True(Moved("bondbot_prompts_sent_total") >= 1, text);
        Assert.True(Moved("discord_gateway_resumes_total") >= 1, text);
        Assert.True(Moved("discord_gateway_reconnects_total") >= 1, text);
        Assert.Contains("bondbot_outbox_depth", text);
        Assert.Contains("bondbot_outbox_oldest_age_seconds", text);
        // Tags are commands, routes and outcomes: no user, guild or interaction ids, no tokens.
        Assert.DoesNotContain(world.Alice.Id.ToString(CultureInfo.InvariantCulture), text);
        Assert.DoesNotContain(world.Guild.Id.ToString(CultureInfo.InvariantCulture), text);
        Assert.DoesNotContain(bot.Fake.Token, text);
    }

    [Fact]
    public async Task Without_a_metrics_port_nothing_listens()
    {
        var port = FreePort();
        await using var bot = await BotHarness.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync($"http://127.0.0.1:{port}/metrics"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // "name{labels} value [timestamp]" lines; several lines of one series (two hosts in one process) are summed.
    private static Dictionary<string, double> Parse(string text)
    {
        var series = new Dictionary<string, double>();
        foreach (var line in text.Split('\n'))
        {
            var match = Regex.Match(line, @"^(?<name>[a-zA-Z_:][\w:]*(\{(?:[^""}]|""(?:[^""\\]|\\.)*"")*\})?) (?<value>\S+)");
            if (line.StartsWith('#') || !match.Success || !double.TryParse(match.Groups["value"].Value, CultureInfo.InvariantCulture, out var value))
                continue;
            var key = Regex.Replace(match.Groups["name"].Value, @",?otel_scope_[a-z_]+=""[^""]*""", "").Replace("{,", "{").Replace("{}", "");
            series[key] = series.GetValueOrDefault(key) + value;
        }
        return series;
    }
}
