using BondBot.FakeDiscord;
using BondBot.Features.Delivery;
using BondBot.Features.Settings;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

/// <summary>A host stopped part-way through a fan-out and started again (its own class, so it runs beside the rest).</summary>
public sealed class SchedulerRestartTests
{
    private static bool IsPrompt(FakeMessage m) => m.Components.ToJsonString().Contains("ci.mood", StringComparison.Ordinal);

    private static int Prompts(FakeDiscordServer fake, FakeUser user) => fake.DirectMessagesTo(user).Count(IsPrompt);

    private static Task ScheduleAsync(BotHarness bot, FakeUser user, string zone, int hour, int minute = 0, CheckInDays days = CheckInDays.Every) =>
        bot.Services.GetRequiredService<SettingsService>().UpdateAsync(user.Id, DateTimeZoneProviders.Tzdb[zone], new LocalTime(hour, minute), days);

    [Fact]
    public async Task A_restart_in_the_middle_of_a_fan_out_neither_duplicates_nor_drops_a_prompt()
    {
        await using var fake = await FakeDiscordServer.StartAsync(new FakeDiscordOptions { GlobalRequestsPerSecond = 8 });
        var db = new Support.TempDatabase();
        var clock = new FakeClock(Instant.FromUtc(2026, 6, 1, 12, 0));
        var users = Enumerable.Range(0, 40).Select(i => fake.AddUser($"user{i}")).ToList();
        var settings = new[] { "--Discord:GlobalRequestsPerSecond=8", "--Scheduler:Enabled=true" };
        await using (var first = await BotHarness.StartAsync(fake, db, clock: clock, settings: settings))
        {
            foreach (var user in users)
                await ScheduleAsync(first, user, "UTC", 13);
            clock.Reset(Instant.FromUtc(2026, 6, 1, 13, 0));
            await fake.WaitUntilAsync(() => users.Sum(u => Prompts(fake, u)) >= 12, TimeSpan.FromSeconds(30));
        }   // the host stops here, part-way through the fan-out

        Assert.InRange(users.Sum(u => Prompts(fake, u)), 12, users.Count - 1);
        await using (var second = await BotHarness.StartAsync(fake, db, clock: clock, settings: settings))
        {
            await fake.WaitUntilAsync(() => users.All(u => Prompts(fake, u) >= 1), TimeSpan.FromSeconds(60));
            await second.RunSchedulerAsync();   // a full pass after everyone got theirs: nothing left to resend
        }
        Assert.All(users, u => Assert.Equal(1, Prompts(fake, u)));
        db.Dispose();
    }
}
