using System.Text;
using BondBot.FakeDiscord;
using BondBot.Features.Pairing;
using BondBot.Features.Privacy;
using BondBot.Features.Repair;
using BondBot.Features.Settings;
using BondBot.Storage;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.Formats;

/// <summary>Issue 13, the repair kit: private until the person chooses to send, and then sent exactly once.</summary>
public sealed class RepairTests
{
    private const string Sentence = "I feel hurt about how our call ended, and I need a few minutes to talk it through.";

    private static async Task<FakeMessage> KitAsync(World world, FakeUser user)
    {
        var kit = await world.ReplyAsync(await world.CommandAsync(user, "repair"));
        Assert.True(kit.Ephemeral);
        return kit;
    }

    /// <summary>Opens the gentle start-up form from <paramref name="message"/> (the kit, or a preview's Edit) and submits it.</summary>
    private static async Task<FakeMessage> StartUpAsync(World world, FakeMessage message, string button, string feel, string about, string need)
    {
        var press = await world.Fake.ClickButtonAsync(world.Alice, message, World.CustomIds(message).First(id => id.StartsWith(button, StringComparison.Ordinal)));
        await press.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(press.Modal is not null, "expected the start-up form");
        var preview = await world.ReplyAsync(await world.Fake.SubmitModalAsync(world.Alice, press,
            new Dictionary<string, string> { ["feel"] = feel, ["about"] = about, ["need"] = need }));
        Assert.True(preview.Ephemeral);
        return preview;
    }

    /// <summary>The text reached nobody but the writer: it is in no message others can see, and every request that
    /// carried it was an answer to the writer's own interactions (ephemeral replies and their updates).</summary>
    private static void OnlyTheWriterSaw(FakeDiscordServer fake, string text)
    {
        Assert.DoesNotContain(fake.AllMessages, m => !m.Ephemeral && World.Text(m).Contains(text, StringComparison.Ordinal));
        Assert.All(fake.Requests.Where(r => r.Body?.Contains(text, StringComparison.Ordinal) == true),
            r => Assert.True(r.Path.StartsWith("interactions/", StringComparison.Ordinal) || r.Path.StartsWith("webhooks/", StringComparison.Ordinal), r.Path));
    }

    private static async Task<int> DraftsAsync(BotHarness bot)
    {
        await using var connection = await bot.Services.GetRequiredService<IDbConnections>().OpenAsync();
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM repair_messages WHERE sent_at IS NULL");
    }

    [Fact]
    public async Task Gentle_start_up_kept_to_myself_reaches_the_partner_nowhere_and_forgets_the_draft()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var kit = await KitAsync(world, world.Alice);
        Assert.Contains($"Nothing goes to <@{world.Bob.Id}> unless you press **Send**", World.Text(kit));
        Assert.Contains("not therapy", World.Text(kit));
        var preview = await StartUpAsync(world, kit, RepairCards.StartUpPrefix, "hurt", "how our call ended", "a few minutes to talk it through");
        Assert.Contains(Sentence, World.Text(preview));
        Assert.Contains("Another way to say it", World.Text(preview));

        var kept = await world.ClickAsync(world.Alice, preview, SendHandler.KeepPrefix);
        Assert.Contains("nothing was sent", kept.Content);
        Assert.Empty(kept.Components);
        await bot.DeliverAsync();

        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("how our call ended", StringComparison.Ordinal));
        OnlyTheWriterSaw(bot.Fake, "how our call ended");
        Assert.Equal(0, await DraftsAsync(bot));
    }

    [Fact]
    public async Task Gentle_start_up_sent_reaches_the_partner_once_even_when_send_is_pressed_twice_or_on_the_preview_before_an_edit()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);

        var first = await StartUpAsync(world, await KitAsync(world, world.Alice), RepairCards.StartUpPrefix, "I feel hurt", "how our call ended", "a few minutes");
        Assert.Contains("I feel hurt about how our call ended, and I need a few minutes.", World.Text(first));
        // Edit brings the form back with the words filled in; the new preview replaces the draft, the older one stays on screen.
        var edited = await StartUpAsync(world, first, StartUpHandler.EditPrefix, "hurt", "how our call ended", "a few minutes to talk it through");
        Assert.Contains(Sentence, World.Text(edited));

        // A double press: both clicks leave before either is answered (each checks the button is there when it starts).
        var send = World.CustomIds(edited).Single(id => id.StartsWith(SendHandler.SendPrefix, StringComparison.Ordinal));
        var presses = await Task.WhenAll(bot.Fake.ClickButtonAsync(world.Alice, edited, send), bot.Fake.ClickButtonAsync(world.Alice, edited, send));
        var seen = new List<string>();
        foreach (var press in presses)
            seen.Add(World.Text(await world.SeenAsync(press)));
        Assert.Single(seen, t => t.Contains($"Sent to <@{world.Bob.Id}>", StringComparison.Ordinal));
        Assert.Single(seen, t => t.Contains("nothing more was sent", StringComparison.Ordinal));
        // The older preview's Send belonged to the words before the edit: it sends nothing either.
        var again = await world.ClickAsync(world.Alice, first, SendHandler.SendPrefix);
        Assert.Contains("nothing more was sent", again.Content);
        Assert.True(again.Ephemeral);
        await bot.DeliverAsync();
        await bot.DeliverAsync();

        var received = Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("how our call ended", StringComparison.Ordinal));
        Assert.Contains(Sentence, World.Text(received));
        Assert.Contains($"From <@{world.Alice.Id}>", World.Text(received));

        // One tap says thank you, and Alice hears it once.
        await world.ClickAsync(world.Bob, received, RepairNotices.ThanksPrefix);
        await bot.DeliverAsync();
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("says thank you for your message", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pause_shows_both_local_return_times_and_only_let_them_know_sends_one_dm_in_the_partners_time()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 17, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var settings = bot.Services.GetRequiredService<SettingsService>();
        await settings.UpdateAsync(world.Alice.Id, DateTimeZoneProviders.Tzdb["Europe/Berlin"], null, null);
        await settings.UpdateAsync(world.Bob.Id, DateTimeZoneProviders.Tzdb["America/New_York"], null, null);
        var back = Instant.FromUtc(2026, 6, 1, 17, 30).ToUnixTimeSeconds();

        async Task<FakeMessage> PauseAsync()
        {
            var choose = await world.ClickAsync(world.Alice, await KitAsync(world, world.Alice), RepairCards.PausePrefix);
            var pause = await world.ClickAsync(world.Alice, choose, $"{PauseHandler.ForPrefix}:30");
            Assert.True(pause.Ephemeral);
            return pause;
        }

        var justMe = await PauseAsync();
        var shown = World.Text(justMe);
        Assert.Contains("**19:30** your time (Europe/Berlin)", shown);                  // CEST, UTC+2
        Assert.Contains($"For <@{world.Bob.Id}> that's **13:30** their time (America/New_York)", shown); // EDT, UTC−4
        Assert.Contains($"<t:{back}:t>", shown);
        Assert.Contains("While you wait", shown);
        var kept = await world.ClickAsync(world.Alice, justMe, SendHandler.KeepPrefix);
        Assert.Contains("nothing was sent", kept.Content);
        await bot.DeliverAsync();
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("pause", StringComparison.Ordinal));

        var told = await world.ClickAsync(world.Alice, await PauseAsync(), SendHandler.SendPrefix);
        Assert.Contains("will know you're taking a breath", told.Content);
        await bot.DeliverAsync();
        var notice = Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("pause", StringComparison.Ordinal));
        Assert.Equal($"🌿 <@{world.Alice.Id}> needs a short pause and will be back around <t:{back}:t> (13:30 your time). Nothing's wrong with taking a breath.",
            notice.Content);
    }

    [Fact]
    public async Task Repair_attempt_from_a_card_with_its_gap_filled_in_is_previewed_then_sent_once()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var deck = bot.Services.GetRequiredService<RepairDeck>();

        var choices = await world.ClickAsync(world.Alice, await KitAsync(world, world.Alice), RepairCards.AttemptPrefix);
        var options = choices.Components[0]!["components"]![0]!["options"]!.AsArray().Select(o => o!["value"]!.GetValue<string>()).ToList();
        var card = options.Select(deck.Find).First(c => c is { Gaps: 1 })!;
        var picked = await bot.Fake.SelectAsync(world.Alice, choices, AttemptHandler.CardPrefix, card.Id);
        await picked.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(picked.Modal is not null, "a card with a gap opens a form");
        var preview = await world.ReplyAsync(await bot.Fake.SubmitModalAsync(world.Alice, picked, new Dictionary<string, string> { ["gap0"] = "stayed up with me" }));
        var text = card.Text.Replace(RepairCard.Gap, "stayed up with me", StringComparison.Ordinal);
        Assert.Contains(text, World.Text(preview));
        Assert.True(preview.Ephemeral);
        await bot.DeliverAsync();
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("stayed up with me", StringComparison.Ordinal));

        await world.ClickAsync(world.Alice, preview, SendHandler.SendPrefix);
        await bot.DeliverAsync();
        var received = Assert.Single(bot.Fake.DirectMessagesTo(world.Bob), m => World.Text(m).Contains("stayed up with me", StringComparison.Ordinal));
        Assert.Contains("💞 A repair attempt", World.Text(received));
        Assert.Contains(text, World.Text(received));
    }

    [Fact]
    public async Task Unpaired_person_gets_the_kit_and_a_preview_with_no_send_button()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);

        var kit = await world.ReplyAsync(await world.DmCommandAsync(world.Carol, "repair"));
        Assert.Contains("no one to send to", World.Text(kit));
        var press = await bot.Fake.ClickButtonAsync(world.Carol, kit, RepairCards.AttemptPrefix);
        var choices = await world.SeenAsync(press);
        var own = await bot.Fake.ClickButtonAsync(world.Carol, choices, AttemptHandler.OwnPrefix);
        await own.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        var preview = await world.ReplyAsync(await bot.Fake.SubmitModalAsync(world.Carol, own, new Dictionary<string, string> { ["words"] = "I'm sorry I snapped." }));

        Assert.Contains("no partner to send it to", World.Text(preview));
        Assert.DoesNotContain(World.CustomIds(preview), id => id.StartsWith(SendHandler.SendPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_shows_sent_repair_messages_to_both_but_a_draft_only_to_its_writer_and_erase_removes_the_writers_words()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var pair = await PairingFlowTests.PairOfAsync(bot, world);
        var drafts = bot.Services.GetRequiredService<RepairRepository>();
        var now = bot.Clock.GetCurrentInstant();
        var sent = await drafts.CreateAsync(pair.PairId, world.Alice.Id, world.Bob.Id, "attempt", "alice-sent-repair", null, null, now);
        Assert.NotNull(await drafts.SendAsync(sent, world.Alice.Id, pair.PairId, now, _ => []));
        await drafts.CreateAsync(pair.PairId, world.Alice.Id, world.Bob.Id, "startup", "alice-unsent-draft", null, null, now);

        var export = bot.Services.GetRequiredService<PrivacyExport>();
        var alices = Encoding.UTF8.GetString(await export.BuildAsync(world.Alice.Id, CancellationToken.None));
        var bobs = Encoding.UTF8.GetString(await export.BuildAsync(world.Bob.Id, CancellationToken.None));
        Assert.Contains("alice-sent-repair", alices);
        Assert.Contains("alice-unsent-draft", alices);
        Assert.Contains("alice-sent-repair", bobs);
        Assert.DoesNotContain("alice-unsent-draft", bobs);

        await bot.Services.GetRequiredService<PrivacyEraser>().EraseAsync(world.Alice.Id, now, CancellationToken.None);
        await using var connection = await bot.Services.GetRequiredService<IDbConnections>().OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM repair_messages WHERE from_user = @alice OR to_user = @alice",
            new { alice = world.Alice.Id }));
    }
}
