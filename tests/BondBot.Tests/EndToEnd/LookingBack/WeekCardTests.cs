using Dapper;
using BondBot.FakeDiscord;
using BondBot.Features.CheckIns;
using BondBot.Features.Settings;
using BondBot.Features.WeekTogether;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SkiaSharp;

namespace BondBot.Tests.EndToEnd.LookingBack;

/// <summary>"Your week together": one picture of the week that ended, on the ritual day (Sunday by default).</summary>
public sealed class WeekCardTests
{
    // Monday 1 June 2026 to Sunday 7 June; the card for that week comes with the first prompt on Sunday 7 June… of the
    // ritual week that starts then, so it shows the week from Sunday 31 May to Saturday 6 June.
    private static readonly Instant Monday = Instant.FromUtc(2026, 6, 1, 12, 0);
    private static readonly Instant RitualSunday = Instant.FromUtc(2026, 6, 7, 20, 0);

    private static bool IsCard(FakeMessage m) => m.Attachments.Any(a => a.FileName == WeekCardPicture.FileName);

    private static async Task<(BotHarness Bot, World World)> PairedWithAWeekAsync(params string[] settings)
    {
        var bot = await BotHarness.StartAsync(clock: new FakeClock(Monday), settings: settings);
        var world = new World(bot.Fake);
        var card = await QuestionFlowTests.OpenQuestionAsync(world);                         // pairs them, opens a question
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Alice, card, "mine"));
        await world.ReplyAsync(await QuestionFlowTests.AnswerAsync(world, world.Bob, card, "yours"));
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "appreciate", new FakeOption("note", 3, "You waited up for my call")));
        await world.ReplyAsync(await world.CommandAsync(world.Bob, "thinking"));            // a thought is never counted
        var checkIns = bot.Services.GetRequiredService<CheckInService>();
        foreach (var day in new[] { 1, 2, 4 })                                                // Mon, Tue, Thu both in
        {
            await checkIns.RecordNotesAsync(world.Alice.Id, new LocalDate(2026, 6, day), 4, null, null, null);
            await checkIns.RecordNotesAsync(world.Bob.Id, new LocalDate(2026, 6, day), 3, null, null, null);
        }
        await checkIns.RecordNotesAsync(world.Alice.Id, new LocalDate(2026, 6, 5), 2, null, null, null);   // Fri: Alice only
        var times = bot.Services.GetRequiredService<SettingsService>();
        await times.UpdateAsync(world.Alice.Id, DateTimeZone.Utc, new LocalTime(20, 0), CheckInDays.Every);
        await times.UpdateAsync(world.Bob.Id, DateTimeZoneProviders.Tzdb["Europe/Lisbon"], new LocalTime(20, 0), CheckInDays.Every);
        return (bot, world);
    }

    [Fact]
    public async Task On_the_ritual_day_each_partner_gets_one_described_picture_of_the_week_that_ended_once_for_the_pair()
    {
        var (bot, world) = await PairedWithAWeekAsync();
        await using var _ = bot;
        for (var day = 2; day <= 6; day++)                                                    // weekdays: no card
            await bot.AtAsync(Instant.FromUtc(2026, 6, day, 20, 0));
        Assert.DoesNotContain(bot.Fake.AllMessages, IsCard);

        await bot.AtAsync(Instant.FromUtc(2026, 6, 7, 19, 0));                                // Bob's 20:00 in Lisbon
        await bot.AtAsync(RitualSunday);                                                      // Alice's 20:00 UTC
        await bot.AtAsync(Instant.FromUtc(2026, 6, 8, 20, 0));                                // Monday: nothing more
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(IsCard) && bot.Fake.DirectMessagesTo(world.Bob).Any(IsCard));

        foreach (var user in new[] { world.Alice, world.Bob })
        {
            var message = Assert.Single(bot.Fake.DirectMessagesTo(user), IsCard);
            var picture = message.Attachments.Single();
            Assert.Equal("image/png", picture.ContentType);
            Assert.InRange(picture.Data.Length, 1_000, 300 * 1024 - 1);
            using var image = SKBitmap.Decode(picture.Data);
            Assert.Equal((WeekCardPicture.Width, WeekCardPicture.Height), (image.Width, image.Height));
            Assert.Contains("Sun 31 May – Sat 6 Jun", picture.Description);
            Assert.Contains("you both checked in on 3 days (Monday, Tuesday, Thursday)", picture.Description);
            Assert.Contains("revealed 1 question", picture.Description);
            Assert.Contains("1 note went between you", picture.Description);
            Assert.Contains("week_card:off", World.Text(message));
            Assert.DoesNotContain("mine", picture.Description);                               // never an answer
        }
        // Delivered: the outbox keeps no copy of the picture.
        await using var connection = await bot.Database.Connections.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_files"));
    }

    [Fact]
    public async Task A_pair_that_turned_the_card_off_gets_no_picture_and_the_partner_is_told_of_the_change()
    {
        var (bot, world) = await PairedWithAWeekAsync();
        await using var _ = bot;
        var reply = await world.ReplyAsync(await world.CommandAsync(world.Bob, "couple", new FakeOption("week_card", 3, "off")));
        Assert.Contains("Your week together** is off", World.Text(reply));
        await bot.DeliverAsync();
        Assert.Contains(World.SentTexts(bot.Fake), t => t.Contains("updated how BondBot sees the two of you") && t.Contains("Your week together** is off"));

        await bot.AtAsync(Instant.FromUtc(2026, 6, 7, 19, 0));
        await bot.AtAsync(RitualSunday);

        Assert.DoesNotContain(bot.Fake.AllMessages, IsCard);
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("This week's ritual"));   // the ritual still comes
    }

    [Fact]
    public async Task Where_the_pairs_server_switched_the_weekly_card_off_no_picture_comes_but_the_ritual_does()
    {
        var (bot, world) = await PairedWithAWeekAsync();
        await using var _ = bot;
        var admin = Operators.Admins.AddAdmin(world);
        Assert.Contains("**off**", await Operators.Admins.SwitchAsync(world, admin, "weekly-card", false));

        await bot.AtAsync(Instant.FromUtc(2026, 6, 7, 19, 0));
        await bot.AtAsync(RitualSunday);

        Assert.DoesNotContain(bot.Fake.AllMessages, IsCard);
        Assert.Contains(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("This week's ritual"));
    }

    [Fact]
    public async Task With_a_space_the_card_is_one_post_there_and_a_failed_upload_is_sent_again_with_its_picture()
    {
        var (bot, world) = await PairedWithAWeekAsync();
        await using var _ = bot;
        var space = await SpaceFlowTests.OpenSpaceAsync(bot, world);
        await using var connection = await bot.Database.Connections.OpenAsync();

        using (bot.Fake.FailRequests(500, $"channels/{space.Id}/messages"))                 // the space can't be posted in…
            await bot.AtAsync(Instant.FromUtc(2026, 6, 7, 19, 0));
        Assert.DoesNotContain(bot.Fake.AllMessages, IsCard);
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_files"));   // …the picture waits with each row
        await bot.AtAsync(Instant.FromUtc(2026, 6, 7, 19, 30));                               // …and goes on the retry
        await bot.AtAsync(RitualSunday);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.MessagesIn(space.Id).Any(IsCard));

        var post = Assert.Single(bot.Fake.MessagesIn(space.Id), IsCard);
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM outbox_files"));
        Assert.Contains("you both checked in on 3 days", post.Attachments.Single().Description);
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Alice), IsCard);
        Assert.DoesNotContain(bot.Fake.DirectMessagesTo(world.Bob), IsCard);
    }

    [Fact]
    public void The_picture_changes_with_the_week_and_a_week_with_nothing_in_it_gets_no_card()
    {
        var from = new LocalDate(2026, 5, 31);
        var week = new WeekFacts(from, [false, true, true, false, true, false, false], 1, 1, null);
        var full = week with { BothIn = [true, true, true, true, true, true, true] };

        using var one = SKBitmap.Decode(WeekCardPicture.Png(week));
        using var other = SKBitmap.Decode(WeekCardPicture.Png(full));

        Assert.NotEqual(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(one.GetPixelSpan())),
            Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(other.GetPixelSpan())));
        Assert.Equal("Seven days out of seven, you both checked in.", full.Highlight);
        Assert.True(new WeekFacts(from, [false, false, false, false, false, false, false], 0, 0, null).Empty);
    }
}
