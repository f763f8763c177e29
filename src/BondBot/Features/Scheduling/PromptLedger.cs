using System.Security.Cryptography;
using System.Text;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Scheduling;

/// <summary>
/// The scheduler's exactly-once ledger: one row per person, local date and prompt kind. Claiming a prompt and moving
/// the person's next due instant happen in one transaction, so a crash either leaves both undone (the prompt is
/// claimed again) or both done (the claimed row is resent with the same nonce, which Discord de-duplicates).
/// </summary>
public sealed class PromptLedger(SqliteConnectionFactory connections)
{
    public const string CheckInKind = "checkin";
    public const string NudgeKind = "nudge";
    public const string RitualKind = "ritual";
    public const string PulseKind = "pulse";
    public const string SpaceRitualKind = "ritual-space";

    public sealed record DueRow(ulong UserId, string? TimeZone, LocalTime CheckinTime, string CheckinDays, Instant? PausedUntil, Instant NextCheckinAt);

    public sealed record Claimed(ulong UserId, LocalDate LocalDate, string Kind, Instant DueAt, string Nonce)
    {
        public string Key => $"{UserId}|{LocalDate}|{Kind}";
    }

    public sealed record Unfinished(Claimed Prompt, Instant ClaimedAt);

    private sealed record UnfinishedRow(ulong UserId, LocalDate LocalDate, string Kind, Instant DueAt, string Nonce, Instant UpdatedAt);

    public sealed record ClaimResult(IReadOnlyList<Claimed> ToSend, int Skipped);

    /// <summary>Claims everyone due by <paramref name="now"/> (oldest first, at most <paramref name="limit"/>), skipping
    /// prompts older than the catch-up window, and moves each person's next due instant forward.</summary>
    public async Task<ClaimResult> ClaimDueAsync(Instant now, Duration catchUpWindow, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        // Served by the partial index on next_checkin_at: the cost depends on who is due, not on how many people exist.
        var due = (await connection.QueryAsync<DueRow>("""
            SELECT user_id AS UserId, time_zone AS TimeZone, checkin_time AS CheckinTime, checkin_days AS CheckinDays,
                   paused_until AS PausedUntil, next_checkin_at AS NextCheckinAt
            FROM users WHERE next_checkin_at IS NOT NULL AND next_checkin_at <= @now
            ORDER BY next_checkin_at LIMIT @limit
            """, new { now, limit }, transaction)).ToList();

        var toSend = new List<Claimed>();
        var skipped = 0;
        foreach (var row in due)
        {
            var zone = row.TimeZone is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(row.TimeZone);
            if (zone is null)
            {
                await connection.ExecuteAsync("UPDATE users SET next_checkin_at = NULL WHERE user_id = @UserId", new { row.UserId }, transaction);
                continue;
            }
            var schedule = new CheckInSchedule(zone, row.CheckinTime, CheckInDaysExtensions.Parse(row.CheckinDays) ?? CheckInDays.Every);
            var date = schedule.LocalDate(row.NextCheckinAt);
            var late = now - row.NextCheckinAt > catchUpWindow;
            var paused = row.PausedUntil is { } until && until > row.NextCheckinAt;
            var status = late || paused ? "skipped" : "claimed";
            var claimed = new Claimed(row.UserId, date, CheckInKind, row.NextCheckinAt, NonceFor(row.UserId, date, CheckInKind));
            var inserted = await connection.ExecuteAsync("""
                INSERT INTO prompt_ledger (user_id, local_date, kind, due_at, status, nonce, updated_at)
                VALUES (@UserId, @LocalDate, @Kind, @DueAt, @status, @Nonce, @now) ON CONFLICT DO NOTHING
                """, new { claimed.UserId, claimed.LocalDate, claimed.Kind, claimed.DueAt, status, claimed.Nonce, now }, transaction);
            var next = schedule.NextAfter(Instant.Max(row.NextCheckinAt, now - catchUpWindow), row.PausedUntil);
            await connection.ExecuteAsync("UPDATE users SET next_checkin_at = @next WHERE user_id = @UserId", new { next, row.UserId }, transaction);
            if (inserted == 0) continue;          // this slot was handled before: never twice
            if (status == "claimed") toSend.Add(claimed); else skipped++;
        }
        transaction.Commit();
        return new ClaimResult(toSend, skipped);
    }

    /// <summary>Claimed prompts whose send never finished (a crash or restart in between), to resend with their nonce.</summary>
    public async Task<IReadOnlyList<Unfinished>> UnfinishedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<UnfinishedRow>("""
            SELECT user_id AS UserId, local_date AS LocalDate, kind AS Kind, due_at AS DueAt, nonce AS Nonce, updated_at AS UpdatedAt
            FROM prompt_ledger WHERE status = 'claimed' AND kind = 'checkin' ORDER BY due_at
            """);
        return rows.Select(r => new Unfinished(new Claimed(r.UserId, r.LocalDate, r.Kind, r.DueAt, r.Nonce), r.UpdatedAt)).ToList();
    }

    public async Task MarkAsync(Claimed prompt, string status, ulong? messageId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            UPDATE prompt_ledger SET status = @status, message_id = COALESCE(@messageId, message_id), updated_at = @now
            WHERE user_id = @UserId AND local_date = @LocalDate AND kind = @Kind
            """, new { status, messageId, now, prompt.UserId, prompt.LocalDate, prompt.Kind });
    }

    /// <summary>Records a one-off prompt (nudge, ritual) for a person and day; false when one was already recorded.</summary>
    public async Task<bool> TryRecordAsync(ulong userId, LocalDate date, string kind, string status, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("""
            INSERT INTO prompt_ledger (user_id, local_date, kind, due_at, status, nonce, updated_at)
            VALUES (@userId, @date, @kind, @now, @status, @nonce, @now) ON CONFLICT DO NOTHING
            """, new { userId, date, kind, now, status, nonce = NonceFor(userId, date, kind) }) > 0;
    }

    public async Task<bool> ExistsAsync(ulong userId, LocalDate date, string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM prompt_ledger WHERE user_id = @userId AND local_date = @date AND kind = @kind)", new { userId, date, kind });
    }

    /// <summary>A nonce (≤25 characters) that is the same for the same person, day and kind, so a resend after a crash
    /// is recognised by Discord (Create Message with enforce_nonce).</summary>
    public static string NonceFor(ulong userId, LocalDate date, string kind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}|{date:yyyy-MM-dd}|{kind}"));
        return "p" + Convert.ToHexString(hash, 0, 12).ToLowerInvariant();
    }
}
