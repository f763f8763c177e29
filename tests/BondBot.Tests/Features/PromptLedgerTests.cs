using BondBot.Features.Delivery;
using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using BondBot.Tests.Support;
using Dapper;
using NodaTime;

namespace BondBot.Tests.Features;

/// <summary>Run on both providers: <see cref="PromptLedgerTestsOnSqlite"/> and <see cref="PromptLedgerTestsOnPostgres"/>.</summary>
public abstract class PromptLedgerTests(string provider) : IAsyncLifetime
{
    private readonly TempDatabase _db = new(provider);
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 6, 1, 7, 0));
    private PromptLedger _ledger = null!;
    private PromptClaims _claims = null!;
    private SettingsService _settings = null!;

    public async Task InitializeAsync()
    {
        await _db.MigratedAsync();
        _ledger = new PromptLedger(_db.Connections);
        _claims = new PromptClaims(_db.Connections);
        _settings = new SettingsService(new UserSettingsRepository(_db.Connections, new BondBot.Features.Delivery.Outbox.OutboxWriter(_clock)), _clock);
    }

    public Task DisposeAsync() { _db.Dispose(); return Task.CompletedTask; }

    private Task Schedule(ulong user, string zone, int hour) =>
        _settings.UpdateAsync(user, DateTimeZoneProviders.Tzdb[zone], new LocalTime(hour, 0), CheckInDays.Every);

    [Fact]
    public async Task Only_people_who_are_due_are_claimed_and_each_slot_only_once()
    {
        await Schedule(1, "Europe/London", 9);     // 08:00 UTC = 09:00 BST: due now
        await Schedule(2, "Asia/Tokyo", 21);       // due at 12:00 UTC
        await _settings.UpdateAsync(3, null, new LocalTime(9, 0), null);  // no zone: never scheduled

        _clock.Advance(Duration.FromMinutes(61));
        var first = await _claims.ClaimDueAsync(_clock.GetCurrentInstant(), Duration.FromHours(3), 100);
        var second = await _claims.ClaimDueAsync(_clock.GetCurrentInstant(), Duration.FromHours(3), 100);

        Assert.Equal([1UL], first.ToSend.Select(c => c.UserId));
        Assert.Equal(new LocalDate(2026, 6, 1), first.ToSend[0].LocalDate);
        Assert.Empty(second.ToSend);
        Assert.Equal(Instant.FromUtc(2026, 6, 2, 8, 0), (await _settings.GetAsync(1)).NextCheckInAt);
    }

    [Fact]
    public async Task After_downtime_a_recent_miss_is_sent_and_older_ones_are_skipped_not_flooded()
    {
        await Schedule(1, "UTC", 9);                 // 09:00 daily; next due 2026-06-01 09:00
        _clock.Reset(Instant.FromUtc(2026, 6, 4, 10, 30));  // three days later, 1.5 h after today's slot

        // The scheduler claims until nothing is due: the stale slot is skipped, then today's recent one is sent.
        var stale = await _claims.ClaimDueAsync(_clock.GetCurrentInstant(), Duration.FromHours(3), 100);
        Assert.Empty(stale.ToSend);
        Assert.Equal(1, stale.Skipped);
        var recent = await _claims.ClaimDueAsync(_clock.GetCurrentInstant(), Duration.FromHours(3), 100);
        Assert.Equal(new LocalDate(2026, 6, 4), Assert.Single(recent.ToSend).LocalDate);
        var again = await _claims.ClaimDueAsync(_clock.GetCurrentInstant(), Duration.FromHours(3), 100);
        Assert.Empty(again.ToSend);
        Assert.Equal(0, again.Skipped);
        Assert.Equal(Instant.FromUtc(2026, 6, 5, 9, 0), (await _settings.GetAsync(1)).NextCheckInAt);
    }

    [Fact]
    public async Task Claimed_but_unfinished_prompts_are_found_for_a_resend_with_the_same_nonce()
    {
        await Schedule(1, "UTC", 8);
        _clock.Advance(Duration.FromHours(1));
        var claim = await _claims.ClaimDueAsync(_clock.GetCurrentInstant(), Duration.FromHours(3), 100);

        var unfinished = Assert.Single(await _ledger.UnfinishedAsync());
        Assert.Equal(claim.ToSend[0].Nonce, unfinished.Prompt.Nonce);
        await _ledger.MarkAsync(unfinished.Prompt, "sent", 99, _clock.GetCurrentInstant());
        Assert.Empty(await _ledger.UnfinishedAsync());
    }

    [Fact]
    public async Task A_claim_another_process_holds_is_left_to_it_and_a_stale_one_is_taken_over_by_one_process()
    {
        await Schedule(1, "UTC", 8);
        _clock.Advance(Duration.FromHours(1));
        var now = _clock.GetCurrentInstant();
        await _claims.ClaimDueAsync(now, Duration.FromHours(3), 100);

        if (_db.IsPostgres)
        {
            // Shared by processes: half a minute after the claim it is still the claiming process's work.
            Assert.Empty(await _ledger.UnfinishedAsync(now + Duration.FromSeconds(30)));
            Assert.Single(await _ledger.UnfinishedAsync(now + Duration.FromMinutes(2)));
            Assert.Empty(await _ledger.UnfinishedAsync(now + Duration.FromMinutes(2)));   // taken: the next process leaves it
        }
        else
        {
            // One process: whatever an earlier pass left is taken over at once.
            Assert.Single(await _ledger.UnfinishedAsync(now));
        }
    }

    [Fact]
    public void Nonces_fit_discords_limit_and_are_stable_per_slot()
    {
        var nonce = PromptLedger.NonceFor(ulong.MaxValue, new LocalDate(2026, 6, 1), PromptLedger.CheckInKind);
        Assert.True(nonce.Length <= 25);
        Assert.Equal(nonce, PromptLedger.NonceFor(ulong.MaxValue, new LocalDate(2026, 6, 1), PromptLedger.CheckInKind));
        Assert.NotEqual(nonce, PromptLedger.NonceFor(ulong.MaxValue, new LocalDate(2026, 6, 2), PromptLedger.CheckInKind));
    }

    [Fact]
    public async Task The_due_query_uses_the_next_checkin_index()
    {
        await using var connection = await _db.Connections.OpenAsync();
        const string Due = "SELECT user_id FROM users WHERE next_checkin_at IS NOT NULL AND next_checkin_at <= 5 ORDER BY next_checkin_at LIMIT 10";
        string plan;
        if (_db.IsPostgres)
        {
            // An empty table would be scanned whatever the indexes: ask the planner what it does when scans are dear.
            await connection.ExecuteAsync("SET enable_seqscan = off");
            plan = string.Join(" ", await connection.QueryAsync<string>("EXPLAIN " + Due));
            Assert.DoesNotContain("Seq Scan", plan);
        }
        else
        {
            plan = string.Join(" ", (await connection.QueryAsync("EXPLAIN QUERY PLAN " + Due))
                .Select(r => (string)((IDictionary<string, object>)r)["detail"]));
            Assert.DoesNotContain("SCAN users", plan);
        }
        Assert.Contains("ix_users_next_checkin_at", plan);
    }
}

public sealed class PromptLedgerTestsOnSqlite() : PromptLedgerTests("sqlite");

public sealed class PromptLedgerTestsOnPostgres() : PromptLedgerTests("postgres");
