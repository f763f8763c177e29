using BondBot.FakeDiscord;
using BondBot.Features.Settings;
using BondBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.LongDistance;

/// <summary>Issue 14: <c>/us</c> (both clocks, the gap, the next time both are awake, the next clock change that moves
/// the gap) and the clock-change heads-up (a week ahead, once per person per transition, never paused or asleep).</summary>
public sealed class UsAndClocksTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
    private static readonly DateTimeZone Sydney = DateTimeZoneProviders.Tzdb["Australia/Sydney"];
    private const string HeadsUp = "A clock change is coming";

    private static Task SetAsync(BotHarness bot, FakeUser user, DateTimeZone zone, int checkInHour) =>
        bot.Services.GetRequiredService<SettingsService>().UpdateAsync(user.Id, zone, new LocalTime(checkInHour, 0), null);

    private static async Task<string> UsAsync(World world, FakeUser user, bool inDm = false)
    {
        var reply = await world.ReplyAsync(inDm ? await world.DmCommandAsync(user, "us") : await world.CommandAsync(user, "us"));
        if (!inDm) Assert.True(reply.Ephemeral);
        return World.Text(reply);
    }

    private static int HeadsUps(FakeDiscordServer fake, FakeUser user) => fake.DirectMessagesTo(user).Count(m => World.Text(m).Contains(HeadsUp));

    [Fact]
    public async Task Us_for_London_and_Los_Angeles_in_the_March_weeks_after_only_the_US_changed_shows_seven_hours_and_the_UK_change_to_eight()
    {
        var now = Instant.FromUtc(2027, 3, 20, 12, 0);
        // The premise, from NodaTime's tzdb: LA has changed (Sun 14 Mar), London has not yet (Sun 28 Mar).
        var usChange = LosAngeles.GetZoneInterval(now).Start;
        var ukChange = London.GetZoneInterval(now).End;
        Assert.Equal(new LocalDate(2027, 3, 14), usChange.InZone(LosAngeles).Date);
        Assert.Equal(new LocalDate(2027, 3, 28), ukChange.InZone(London).Date);
        var gapNow = (London.GetUtcOffset(now) - LosAngeles.GetUtcOffset(now)).Seconds / 3600;
        var gapAfter = (London.GetUtcOffset(ukChange) - LosAngeles.GetUtcOffset(ukChange)).Seconds / 3600;
        Assert.Equal((7, 8), (gapNow, gapAfter));

        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(now));
        var world = new World(bot.Fake);
        Assert.Contains("pair up first", await UsAsync(world, world.Carol));
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await SetAsync(bot, world.Alice, London, 20);
        await SetAsync(bot, world.Bob, LosAngeles, 19);

        var alice = await UsAsync(world, world.Alice);
        Assert.Contains("Your time: **Sat 20 Mar, 12:00** (Europe/London)", alice);
        Assert.Contains($"<@{world.Bob.Id}>'s time: **Sat 20 Mar, 05:00** (America/Los_Angeles)", alice);
        Assert.Contains($"**{gapNow} h apart** — <@{world.Bob.Id}> is {gapNow} h behind you.", alice);
        Assert.Contains($"<@{world.Bob.Id}> is in their quiet hours right now.", alice);
        // LA wakes at 08:00 = 15:00 in London; London's quiet hours start at 22:00.
        Assert.Contains($"Next time you're both awake: **Sat 20 Mar, 15:00–22:00** your time (<t:{Instant.FromUtc(2027, 3, 20, 15, 0).ToUnixTimeSeconds()}:t>–", alice);
        Assert.Contains($"From Sun 28 Mar you'll be {gapAfter} h apart instead of {gapNow} h (the clocks change <t:{ukChange.ToUnixTimeSeconds()}:f>).", alice);
        Assert.Contains("You paired today", alice);

        // Bob sees the same change on his own calendar: the UK switch is Saturday evening in LA.
        bot.Clock.Reset(now + Duration.FromDays(3));
        var bob = await UsAsync(world, world.Bob, inDm: true);
        Assert.Contains($"<@{world.Alice.Id}> is {gapNow} h ahead of you.", bob);
        Assert.Contains($"From {ukChange.InZone(LosAngeles).Date.ToString("ddd d MMM", null)} you'll be {gapAfter} h apart", bob);
        Assert.Contains("Sat 27 Mar", bob);
        Assert.Contains("Paired for 3 days", bob);
    }

    [Fact]
    public async Task Us_for_Kolkata_and_Sydney_shows_five_and_a_half_hours_in_southern_summer_four_and_a_half_in_winter_and_the_next_change()
    {
        var summer = Instant.FromUtc(2027, 3, 20, 12, 0);
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(summer));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await SetAsync(bot, world.Alice, Kolkata, 20);
        Assert.Contains($"I don't know <@{world.Bob.Id}>'s time zone yet", await UsAsync(world, world.Alice));
        await SetAsync(bot, world.Bob, Sydney, 21);

        // Sydney's summer time ends on the first Sunday of April: 4 Apr 2027, 03:00 (UTC+11) = 3 Apr 16:00 UTC.
        var ends = Sydney.GetZoneInterval(summer).End;
        Assert.Equal(Instant.FromUtc(2027, 4, 3, 16, 0), ends);
        var bob = await UsAsync(world, world.Bob);
        Assert.Contains($"**5 h 30 min apart** — <@{world.Alice.Id}> is 5 h 30 min behind you.", bob);
        Assert.Contains($"From Sun 4 Apr you'll be 4 h 30 min apart instead of 5 h 30 min (the clocks change <t:{ends.ToUnixTimeSeconds()}:f>).", bob);
        // Kolkata has no clock changes; in its own time the switch falls on Saturday evening (21:30).
        Assert.Contains("From Sat 3 Apr you'll be 4 h 30 min apart instead of 5 h 30 min", await UsAsync(world, world.Alice));

        // Southern winter: 4 h 30 min, until summer time starts on the first Sunday of October (3 Oct 2027).
        bot.Clock.Reset(Instant.FromUtc(2027, 6, 1, 6, 0));
        var starts = Sydney.GetZoneInterval(bot.Clock.GetCurrentInstant()).End;
        Assert.Equal(new LocalDate(2027, 10, 3), starts.InZone(Sydney).Date);
        var winter = await UsAsync(world, world.Bob);
        Assert.Contains("**4 h 30 min apart**", winter);
        Assert.Contains($"From Sun 3 Oct you'll be 5 h 30 min apart instead of 4 h 30 min (the clocks change <t:{starts.ToUnixTimeSeconds()}:f>).", winter);
        Assert.Contains("You're both awake now", winter);   // 11:30 in Kolkata, 16:00 in Sydney
    }

    [Fact]
    public async Task Us_for_a_pair_in_the_same_zone_says_so_and_shows_no_gap_window_or_clock_change()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2027, 3, 20, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await SetAsync(bot, world.Alice, London, 20);
        await SetAsync(bot, world.Bob, London, 21);

        var text = await UsAsync(world, world.Alice);
        Assert.Contains("You're in the same time zone (Europe/London): it's **Sat 20 Mar, 12:00** for you both.", text);
        Assert.DoesNotContain("apart", text);
        Assert.DoesNotContain("awake", text);
        Assert.DoesNotContain("clocks change", text);
        Assert.DoesNotContain("From ", text);
    }

    [Fact]
    public async Task Heads_up_goes_to_each_partner_once_a_week_ahead_outside_their_quiet_hours_and_not_again_after_a_restart()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { MessageCreateLimit = 50, MessageEditLimit = 50 });
        using var db = new TempDatabase();
        var clock = new FakeClock(Instant.FromUtc(2027, 3, 20, 12, 0));
        var world = new World(fake);
        var ukChange = London.GetZoneInterval(clock.GetCurrentInstant()).End;   // Sun 28 Mar 01:00 UTC
        await using (var bot = await BotHarness.StartAsync(fake, db, clock: clock))
        {
            await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
            await SetAsync(bot, world.Alice, London, 20);
            await SetAsync(bot, world.Bob, LosAngeles, 19);

            await bot.AtAsync(Instant.FromUtc(2027, 3, 20, 12, 0));   // more than a week ahead
            await bot.AtAsync(Instant.FromUtc(2027, 3, 21, 6, 0));    // a week ahead; 06:00 London, 23:00 LA: both asleep
            Assert.Equal((0, 0), (HeadsUps(fake, world.Alice), HeadsUps(fake, world.Bob)));

            await bot.AtAsync(Instant.FromUtc(2027, 3, 21, 12, 0));   // 12:00 London, 05:00 LA: Alice only
            Assert.Equal((1, 0), (HeadsUps(fake, world.Alice), HeadsUps(fake, world.Bob)));
            await bot.AtAsync(Instant.FromUtc(2027, 3, 21, 17, 0));   // 10:00 LA: Bob now, Alice not again
            await bot.AtAsync(Instant.FromUtc(2027, 3, 22, 17, 0));
            Assert.Equal((1, 1), (HeadsUps(fake, world.Alice), HeadsUps(fake, world.Bob)));

            var toAlice = World.Text(fake.DirectMessagesTo(world.Alice).Single(m => World.Text(m).Contains(HeadsUp)));
            Assert.Contains($"from Sun 28 Mar (<t:{ukChange.ToUnixTimeSeconds()}:f>) you and <@{world.Bob.Id}> will be **8 h apart** instead of 7 h.", toAlice);
            Assert.Contains($"Your check-in stays at 20:00 your time, and <@{world.Bob.Id}>'s at 19:00 theirs.", toAlice);
            var toBob = World.Text(fake.DirectMessagesTo(world.Bob).Single(m => World.Text(m).Contains(HeadsUp)));
            Assert.Contains($"from Sat 27 Mar (<t:{ukChange.ToUnixTimeSeconds()}:f>) you and <@{world.Alice.Id}> will be **8 h apart**", toBob);
            Assert.Contains($"Your check-in stays at 19:00 your time, and <@{world.Alice.Id}>'s at 20:00 theirs.", toBob);
        }

        await using (var again = await BotHarness.StartAsync(fake, db, clock: clock))
        {
            await again.AtAsync(Instant.FromUtc(2027, 3, 23, 12, 0));
            await again.AtAsync(Instant.FromUtc(2027, 3, 23, 18, 0));
            await again.AtAsync(Instant.FromUtc(2027, 3, 27, 18, 0));
        }
        Assert.Equal((1, 1), (HeadsUps(fake, world.Alice), HeadsUps(fake, world.Bob)));
    }

    [Fact]
    public async Task Heads_up_skips_a_paused_partner_and_pairs_who_live_together()
    {
        await using var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2027, 3, 20, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await SetAsync(bot, world.Alice, London, 20);
        await SetAsync(bot, world.Bob, LosAngeles, 19);
        await bot.Services.GetRequiredService<SettingsService>().PauseAsync(world.Bob.Id, 30);

        await bot.AtAsync(Instant.FromUtc(2027, 3, 21, 17, 0));   // both awake, a week ahead
        await bot.AtAsync(Instant.FromUtc(2027, 3, 24, 17, 0));
        Assert.Equal((1, 0), (HeadsUps(bot.Fake, world.Alice), HeadsUps(bot.Fake, world.Bob)));

        // Carol and a partner in the same two zones, but they say they live together: no heads-up at all.
        await using var other = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2027, 3, 20, 12, 0)));
        var second = new World(other.Fake);
        await PairingFlowTests.PairAsync(second, second.Alice, second.Bob);
        await SetAsync(other, second.Alice, London, 20);
        await SetAsync(other, second.Bob, LosAngeles, 19);
        await second.ReplyAsync(await second.CommandAsync(second.Alice, "couple", new FakeOption("distance", 3, "together")));
        await other.AtAsync(Instant.FromUtc(2027, 3, 21, 17, 0));
        await other.AtAsync(Instant.FromUtc(2027, 3, 24, 17, 0));
        Assert.Equal((0, 0), (HeadsUps(other.Fake, second.Alice), HeadsUps(other.Fake, second.Bob)));
        Assert.Contains("From Sun 28 Mar", await UsAsync(second, second.Alice));   // /us still answers them
    }
}
