using System.Diagnostics;
using BondBot.FakeDiscord;
using BondBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BondBot.Benchmarks;

/// <summary>
/// How fast commands are answered while Discord's per-channel message limit (5 per 5 s, the fake's documented
/// default) is in force: five pairs use <c>/settings</c> and <c>/question</c> one after another, and answer now and
/// then so new rounds open (cards, partner DMs and status edits all pile onto the same few channels). Three runs:
/// everyone in one server channel, each pair in its own space, and everyone by DM. The figure is the time from the
/// interaction's dispatch to the bot's first response, as Discord's 3-second rule counts it.
/// </summary>
public static class CommandLatencyBenchmark
{
    private const int Pairs = 5;

    public static async Task RunAsync(int commands)
    {
        foreach (var where in new[] { "channel", "space", "dm" })
            await RunOnceAsync(where, commands);
    }

    private static async Task RunOnceAsync(string where, int commands)
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions());
        var guild = fake.AddGuild("Home");
        var general = guild.AddTextChannel("general");
        var people = Enumerable.Range(0, Pairs * 2).Select(i => fake.AddUser($"person{i}")).ToList();
        foreach (var person in people) guild.AddMember(person);
        await using var bot = await InProcessBot.StartAsync(fake, ["--Interactions:PerUserBurst=1000", "--Logging:LogLevel:Default=Error"]);

        for (var p = 0; p < Pairs; p++)
        {
            var (a, b) = (people[2 * p], people[2 * p + 1]);
            await (await fake.InvokeCommandAsync(a, "pair", guild, general, new FakeOption("partner", 6, b.Id.ToString()))).FirstResponse;
            await fake.WaitUntilAsync(() => fake.DirectMessagesTo(b).Any(m => Has(m, "pair.accept")), TimeSpan.FromSeconds(30));
            var invite = fake.DirectMessagesTo(b).Last(m => Has(m, "pair.accept"));
            await (await fake.ClickButtonAsync(b, invite, Button(invite, "pair.accept"))).FirstResponse;
            if (where == "space")
            {
                await (await fake.InvokeCommandAsync(a, "space", guild, general, new FakeOption("open", 1, null, []))).FirstResponse;
                await fake.WaitUntilAsync(() => fake.DirectMessagesTo(b).Any(m => Has(m, "space.agree")), TimeSpan.FromSeconds(30));
                var request = fake.DirectMessagesTo(b).Last(m => Has(m, "space.agree"));
                await (await fake.ClickButtonAsync(b, request, Button(request, "space.agree"))).FirstResponse;
            }
        }
        await Task.Delay(2000);   // let pairing notices settle

        var latencies = new List<double>(commands);
        for (var i = 0; i < commands; i++)
        {
            var pair = i % Pairs;
            var person = people[2 * pair + (i / Pairs) % 2];
            var (g, c) = where == "dm" ? ((FakeGuild?)null, (FakeChannel?)null) : (guild, general);
            var watch = Stopwatch.StartNew();
            var interaction = i % 2 == 0
                ? await fake.InvokeCommandAsync(person, "settings", g, c, new FakeOption("time", 3, $"{18 + i % 4}:30"))
                : await fake.InvokeCommandAsync(person, "question", g, c);
            await interaction.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            // Every tenth turn the pair answers the open question, so the next /question opens a new round.
            if (i % 10 == 9)
                await AnswerOpenRoundAsync(fake, guild, people[2 * pair], people[2 * pair + 1], latencies);
        }

        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        var limited = fake.Requests.Count(r => r.Status == 429);
        Console.WriteLine($"latency [{where}]: {latencies.Count} interactions, first response p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, " +
                          $"p99 {P(0.99):0.0} ms, max {latencies[^1]:0.0} ms; 429 responses {limited}");
    }

    /// <summary>Both partners answer from the newest card each can see (their DMs, the channel or the space).</summary>
    private static async Task AnswerOpenRoundAsync(FakeDiscordServer fake, FakeGuild guild, FakeUser a, FakeUser b, List<double> latencies)
    {
        foreach (var person in new[] { a, b })
        {
            var card = fake.DirectMessagesTo(person).Concat(guild.Channels.SelectMany(c => fake.MessagesIn(c.Id)))
                .Where(m => Has(m, "q.answer") && World(m).Contains($"<@{person.Id}>")).MaxBy(m => m.Id);
            if (card is null) return;   // its card is still on the way
            var watch = Stopwatch.StartNew();
            var press = await fake.ClickButtonAsync(person, card, Button(card, "q.answer"));
            await press.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (press.Modal is null) return;
            watch.Restart();
            var submit = await fake.SubmitModalAsync(person, press, new Dictionary<string, string> { ["answer"] = "An honest answer." });
            await submit.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string World(FakeMessage message) => message.Embeds.ToJsonString(Readable) + message.Content;

    private static bool Has(FakeMessage message, string prefix) => message.Components.ToJsonString().Contains(prefix, StringComparison.Ordinal);

    private static string Button(FakeMessage message, string prefix) =>
        message.Components.SelectMany(r => r!["components"]!.AsArray()).Select(c => c!["custom_id"]!.GetValue<string>()).First(id => id.StartsWith(prefix, StringComparison.Ordinal));
}
