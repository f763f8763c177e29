using BondBot.FakeDiscord;
using BondBot.Features.Questions;
using BondBot.Features.Space;
using NodaTime;
using NodaTime.Testing;
using static BondBot.Tests.EndToEnd.Operators.Admins;

namespace BondBot.Tests.EndToEnd.Operators;

/// <summary>Two servers on one bot, each with its own couple: a switch turned off in "Home" stops its behaviour
/// there and nowhere else.</summary>
public sealed class FeatureSwitchTests
{
    private static bool IsNudge(FakeMessage m) => m.Content?.Contains("🔔") == true;

    [Fact]
    public async Task Questions_in_channels_off_refuses_question_in_that_server_only_and_never_in_dms()
    {
        await using var bot = await BotHarness.StartAsync();
        var home = new World(bot.Fake);
        var away = new World(bot.Fake);
        await PairingFlowTests.PairAsync(home, home.Alice, home.Bob);
        await PairingFlowTests.PairAsync(away, away.Alice, away.Bob);

        Assert.Contains("**off**", await SwitchAsync(home, AddAdmin(home), "questions-in-channels", false));

        var refused = await home.ReplyAsync(await home.CommandAsync(home.Alice, "question"));
        Assert.Equal(bot.AsSent(QuestionCommand.SwitchedOffHere), refused.Content);
        Assert.True(refused.Ephemeral);
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(home.Bob), m => m.Components.ToJsonString().Contains("q.answer"));

        var elsewhere = await away.ReplyAsync(await away.CommandAsync(away.Alice, "question"));
        Assert.NotEqual(bot.AsSent(QuestionCommand.SwitchedOffHere), elsewhere.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(away.Bob).Any(m => m.Components.ToJsonString().Contains("q.answer")));

        var inDm = await home.ReplyAsync(await home.DmCommandAsync(home.Alice, "question"));
        Assert.NotEqual(bot.AsSent(QuestionCommand.SwitchedOffHere), inDm.Content);
    }

    [Fact]
    public async Task Spaces_off_refuses_opening_a_space_in_that_server_only()
    {
        await using var bot = await BotHarness.StartAsync();
        var home = new World(bot.Fake);
        var away = new World(bot.Fake);
        await PairingFlowTests.PairAsync(home, home.Alice, home.Bob);
        await PairingFlowTests.PairAsync(away, away.Alice, away.Bob);

        await SwitchAsync(home, AddAdmin(home), "spaces", false);

        var refused = await home.ReplyAsync(await home.CommandAsync(home.Alice, "space", new FakeOption("open", 1, null, [])));
        Assert.Equal(bot.AsSent(SpaceMessages.SwitchedOff), refused.Content);
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(home.Bob), m => m.Components.ToJsonString().Contains(SpaceMessages.AgreePrefix));

        var opened = await SpaceFlowTests.OpenSpaceAsync(bot, away);
        Assert.Equal(away.Guild.Id, opened.GuildId);
        Assert.DoesNotContain(home.Guild.Channels, c => c.Name == "alice-and-bob");
    }

    [Fact]
    public async Task Nudges_off_skips_couples_paired_in_that_server_only_and_switching_back_on_nudges_them()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0)));
        var home = new World(bot.Fake);
        var away = new World(bot.Fake);
        foreach (var world in new[] { home, away })
        {
            var card = await QuestionFlowTests.OpenQuestionAsync(world);
            await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "mine"));
        }
        var admin = AddAdmin(home);
        await SwitchAsync(home, admin, "nudges", false);

        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 16, 0));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(away.Bob).Any(IsNudge));
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(home.Bob), IsNudge);

        await SwitchAsync(home, admin, "nudges", true);
        await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 16, 5));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(home.Bob).Any(IsNudge));
        Assert.Single(bot.Fake.DirectMessagesTo(away.Bob), IsNudge);
    }
}
