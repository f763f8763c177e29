using System.Text;
using BondBot.FakeDiscord;
using BondBot.Features.Notes;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.LookingBack;

/// <summary>Issue 15, an archive you can keep: <c>our-story.md</c> beside the JSON in <c>/privacy export</c>, and the
/// pair's shared story from <c>/privacy story</c>, read back from the attachment the fake Discord received.</summary>
public sealed class OurStoryTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 6, 1, 12, 0);
    private const string AliceSays = "Zoé’s café at dawn ☕🌙";
    private const string BobSays = "bob-revealed-words";
    private const string Unrevealed = "bob-open-round-only-he-knows";
    private const string Thanks = "merci pour tout ✨";
    private const string Delivered = "later-note-that-arrived";
    private const string OnItsWay = "later-note-still-on-its-way";
    private const string Opened = "sealed-note-bob-opened";
    private const string Closed = "sealed-note-still-closed";

    private static FakeOption Sub(string name, params (string Name, string Value)[] options) =>
        new(name, 1, null, options.Select(o => new FakeOption(o.Name, 3, o.Value)).ToArray());

    /// <summary>Alice and Bob with two revealed rounds, an open round only Bob answered, an appreciation, a delivered and
    /// an undelivered later note, an opened and a closed sealed note. Returns the revealed questions.</summary>
    private static async Task<(World World, string[] Questions)> SeedAsync(BotHarness bot)
    {
        var world = new World(bot.Fake);
        var pair = await PairingFlowTests.PairOfAsync(bot, world);
        var questions = bot.Services.GetRequiredService<QuestionService>();
        var asked = new List<string>();
        foreach (var (category, alice, bob) in new[] { ("fun", AliceSays, BobSays), ("trust", "alice-second-round", "bob-second-round") })
        {
            var round = (await questions.OpenAsync(pair, null, new RoundRepository.Request(category, 1), askerId: pair.UserA)).Round!;
            await questions.SubmitAsync(round.RoundId, pair.UserA, alice);
            await questions.SubmitAsync(round.RoundId, pair.UserB, bob);
            asked.Add(round.QuestionText);
            bot.Clock.Advance(Duration.FromMinutes(1));
        }
        var open = (await questions.OpenAsync(pair, null, new RoundRepository.Request("values", 1), askerId: pair.UserA)).Round!;
        await questions.SubmitAsync(open.RoundId, pair.UserB, Unrevealed);

        await world.ReplyAsync(await world.CommandAsync(world.Alice, "appreciate", new FakeOption("note", 3, Thanks)));
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "note", Sub("later", ("message", Delivered))));
        await bot.AtAsync(bot.Clock.GetCurrentInstant() + Duration.FromDays(2));
        Assert.Contains(Delivered, World.Everything(bot.Fake));
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "note", Sub("later", ("message", OnItsWay))));

        await world.ReplyAsync(await world.CommandAsync(world.Alice, "note", Sub("sealed", ("label", "you miss me"), ("message", Opened))));
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "note", Sub("sealed", ("label", "it rains"), ("message", Closed))));
        await bot.DeliverAsync();
        var envelope = bot.Fake.DirectMessagesTo(world.Bob).Single(m => World.Text(m).Contains("you miss me", StringComparison.Ordinal));
        await world.ClickAsync(world.Bob, envelope, NoteCards.OpenPrefix);
        return (world, asked.ToArray());
    }

    private static string StoryIn(BotHarness bot, FakeUser user) =>
        Encoding.UTF8.GetString(bot.Fake.DirectMessagesTo(user).Last(m => m.Attachments.Count > 0).Attachments.Single(a => a.FileName == "our-story.md").Data);

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    [Fact]
    public async Task Export_holds_a_readable_story_with_names_real_characters_each_revealed_round_once_and_no_unrevealed_answer()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Start));
        var (world, asked) = await SeedAsync(bot);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Bob, "privacy", new FakeOption("export", 1, null, [])));
        Assert.Equal("Sent to your DMs with BondBot 📬", reply.Content);
        var files = bot.Fake.DirectMessagesTo(world.Bob).Single(m => m.Attachments.Count > 0).Attachments;
        Assert.Equal(["bondbot-export.json", "our-story.md"], files.Select(f => f.FileName).Order().ToArray());
        var story = StoryIn(bot, world.Bob);

        Assert.Contains("## alice & bob", story);                                  // names as Discord shows them
        Assert.DoesNotContain(world.Alice.Id.ToString(), story);
        Assert.DoesNotContain(world.Bob.Id.ToString(), story);
        Assert.DoesNotContain("<@", story);
        Assert.Contains("> " + AliceSays, story);                                   // real characters, quoted
        Assert.Contains(Thanks, story);
        Assert.DoesNotContain("\\u", story);
        foreach (var question in asked)
            Assert.Equal(1, Count(story, question.Replace("*", "\\*").Replace("_", "\\_")));
        foreach (var answer in new[] { AliceSays, BobSays, "alice-second-round", "bob-second-round" })
            Assert.Equal(1, Count(story, answer));                                  // each revealed round once, both answers
        Assert.DoesNotContain(Unrevealed, story);
        Assert.Contains(Delivered, story);
        Assert.Contains(Opened, story);
        Assert.DoesNotContain(Closed, story);                                      // Bob hasn't opened it: not his to read yet
        Assert.DoesNotContain(OnItsWay, story);
    }

    [Fact]
    public async Task Privacy_story_by_either_partner_is_the_same_shared_story_without_unopened_or_undelivered_notes()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Start));
        var (world, _) = await SeedAsync(bot);

        var alices = await world.ReplyAsync(await world.CommandAsync(world.Alice, "privacy", new FakeOption("story", 1, null, [])));
        Assert.True(alices.Ephemeral);
        Assert.Contains("in your DMs", alices.Content);
        var fromAlice = StoryIn(bot, world.Alice);
        await world.ReplyAsync(await world.CommandAsync(world.Bob, "privacy", new FakeOption("story", 1, null, [])));
        var fromBob = StoryIn(bot, world.Bob);

        Assert.Equal(fromAlice, fromBob);
        Assert.Contains("only what you've both", bot.Fake.DirectMessagesTo(world.Alice).Last(m => m.Attachments.Count > 0).Content);
        Assert.Contains(AliceSays, fromAlice);
        Assert.Contains(BobSays, fromAlice);
        Assert.Contains(Thanks, fromAlice);
        Assert.Contains(Delivered, fromAlice);
        Assert.Contains(Opened, fromAlice);
        Assert.DoesNotContain(Closed, fromAlice);                                  // Alice wrote it, but Bob hasn't seen it
        Assert.DoesNotContain(OnItsWay, fromAlice);
        Assert.DoesNotContain(Unrevealed, fromAlice);

        var carol = await world.ReplyAsync(await world.CommandAsync(world.Carol, "privacy", new FakeOption("story", 1, null, [])));
        Assert.Contains("Pair up first", carol.Content);
    }

    [Fact]
    public async Task Names_that_look_like_markdown_are_escaped_in_the_story()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Start));
        var world = new World(bot.Fake);
        var zoe = bot.Fake.AddUser("#zoé_*star*");
        await PairingFlowTests.PairAsync(world, world.Alice, zoe);

        await world.ReplyAsync(await world.CommandAsync(zoe, "privacy", new FakeOption("story", 1, null, [])));
        var story = StoryIn(bot, zoe);

        Assert.Contains("## alice & \\#zoé\\_\\*star\\*", story);
        Assert.DoesNotContain("#zoé_*star*", story);
    }
}
