using BondBot.FakeDiscord;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Settings;
using BondBot.Storage;
using BondBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd.Operators;

public sealed class CorrelationLogTests
{
    [Fact]
    public async Task A_note_whose_delivery_fails_is_logged_under_the_interactions_correlation_id_in_the_outbox_worker_without_its_words()
    {
        CapturingLoggerProvider logs = null!;
        await using var bot = await BotHarness.StartAsync(configure: services => logs = CapturingLoggerProvider.AddTo(services));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        await bot.DeliverAsync();   // the welcome notices go first, so the only delivery that fails below is the note

        FakeInteraction note;
        using (bot.Fake.FailRequests(503, "/messages"))
        {
            // The callback fails once too, so the interaction itself logs a retry.
            bot.Fake.FailNextRequests(1, 503, "/callback");
            note = await world.CommandAsync(world.Alice, "appreciate", new FakeOption("note", 3, "secret-words of love"));
            await world.ReplyAsync(note);
            await bot.DeliverAsync();
        }

        var correlation = $"i-{note.Id}";
        var inInteraction = logs.Lines.Where(l => l.Scope("InteractionId") == note.Id.ToString()).ToList();
        Assert.Contains(inInteraction, l => l.Message.Contains("callback") && l.Message.Contains("retry"));
        Assert.All(inInteraction, l => Assert.Equal(correlation, l.Scope("CorrelationId")));

        await using var connection = await bot.Services.GetRequiredService<IDbConnections>().OpenAsync();
        var deliveryId = await connection.ExecuteScalarAsync<long>(
            "SELECT delivery_id FROM outbox WHERE kind = @kind AND correlation_id = @correlation", new { kind = OutboxKinds.Appreciation, correlation });
        var workerLine = Assert.Single(logs.Lines, l => l.Category.EndsWith(nameof(OutboxWorker)) && l.Message.Contains("not sent yet"));
        Assert.Equal(deliveryId.ToString(), workerLine.Scope("DeliveryId"));
        Assert.Equal(correlation, workerLine.Scope("CorrelationId"));

        Assert.All(logs.Lines, l => Assert.DoesNotContain("secret-words", l.ToString()));
        Assert.All(logs.Lines, l => Assert.DoesNotContain(bot.Fake.Token, l.ToString()));
        Assert.All(logs.Lines, l => Assert.DoesNotContain(note.Token, l.ToString()));
    }

    [Fact]
    public async Task Lines_of_one_scheduler_pass_share_one_correlation_id_of_their_own()
    {
        CapturingLoggerProvider logs = null!;
        await using var bot = await BotHarness.StartAsync(configure: services => logs = CapturingLoggerProvider.AddTo(services));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        var settings = bot.Services.GetRequiredService<SettingsService>();
        await settings.UpdateAsync(world.Alice.Id, DateTimeZone.Utc, new LocalTime(12, 15), CheckInDays.Every);
        await settings.UpdateAsync(world.Bob.Id, DateTimeZone.Utc, new LocalTime(12, 15), CheckInDays.Every);

        using (bot.Fake.FailRequests(503, "/messages"))
            await bot.AtAsync(Instant.FromUtc(2026, 6, 1, 12, 20));

        var pass = logs.Lines.Where(l => l.Message.StartsWith("Prompt for user") || l.Message.StartsWith("Prompt batch")).ToList();
        Assert.True(pass.Count >= 3, string.Join("\n", logs.Lines));
        var ids = pass.Select(l => l.Scope("CorrelationId")).Distinct().ToList();
        Assert.StartsWith("tick-", Assert.Single(ids));
    }
}
