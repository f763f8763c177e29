using System.Security.Cryptography;
using System.Text;
using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Delivery;

/// <summary>
/// The once-per-person-per-day ledger, shared by everything that sends on a schedule (prompts, nudges, rituals, the
/// pulse offer, care messages): one row per person, local date and kind. The scheduler claims a slot and moves the
/// person's next due instant in one transaction, so a crash either leaves both undone or both done. Each attempt is
/// recorded before the request goes out and with how it ended, so a prompt that never reached Discord is retried for
/// the whole catch-up window, and one cut off mid-flight is resent with its nonce while Discord still de-duplicates it.
/// </summary>
public sealed class PromptLedger(IDbConnections connections)
{
    public const string CheckInKind = "checkin";
    public const string NudgeKind = "nudge";
    public const string RitualKind = "ritual";
    public const string PulseKind = "pulse";
    public const string SpaceRitualKind = "ritual-space";

    public sealed record Claimed(ulong UserId, LocalDate LocalDate, string Kind, Instant DueAt, string Nonce)
    {
        public string Key => $"{UserId}|{LocalDate}|{Kind}";
    }

    /// <summary>A prompt a pass did not finish: its state and when it was last attempted.</summary>
    public sealed record Unfinished(Claimed Prompt, string Status, Instant? AttemptedAt);

    private sealed record UnfinishedRow(ulong UserId, LocalDate LocalDate, string Kind, Instant DueAt, string Nonce, string Status, Instant? AttemptedAt);

    /// <summary>Records a claimed (or skipped) slot inside the caller's transaction; false when the slot was handled
    /// before, so it is never sent twice.</summary>
    public static async Task<bool> InsertAsync(DbConnection connection, DbTransaction transaction, Claimed claimed, string status, Instant now) =>
        await connection.ExecuteAsync("""
            INSERT INTO prompt_ledger (user_id, local_date, kind, due_at, status, nonce, updated_at)
            VALUES (@UserId, @LocalDate, @Kind, @DueAt, @status, @Nonce, @now) ON CONFLICT DO NOTHING
            """, new { claimed.UserId, claimed.LocalDate, claimed.Kind, claimed.DueAt, status, claimed.Nonce, now }, transaction) > 0;

    /// <summary>Check-in prompts a pass did not finish: claimed but never attempted, in flight when the process
    /// stopped, or waiting for a retry; taken over by this pass. Rows another process touched within the provider's
    /// <see cref="SqlDialect.ClaimLease"/> are still its own work and are left alone; each row is taken by one process
    /// only (the update re-checks its condition against the committed row).</summary>
    public async Task<IReadOnlyList<Unfinished>> UnfinishedAsync(Instant? now = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var lease = connections.Dialect.ClaimLease;
        var staleBefore = now is { } at && lease > TimeSpan.Zero ? at - Duration.FromTimeSpan(lease) : Instant.MaxValue;
        var rows = await connection.QueryAsync<UnfinishedRow>("""
            UPDATE prompt_ledger SET updated_at = CASE WHEN @touch = 1 THEN @now ELSE updated_at END
            WHERE status IN ('claimed', 'sending', 'retry') AND kind = 'checkin' AND updated_at <= @staleBefore
            RETURNING user_id AS UserId, local_date AS LocalDate, kind AS Kind, due_at AS DueAt, nonce AS Nonce, status AS Status, attempted_at AS AttemptedAt
            """, new { staleBefore, now = now ?? Instant.FromUnixTimeMilliseconds(0), touch = now is not null });
        return rows.OrderBy(r => r.DueAt).Select(r => new Unfinished(new Claimed(r.UserId, r.LocalDate, r.Kind, r.DueAt, r.Nonce), r.Status, r.AttemptedAt)).ToList();
    }

    /// <summary>Recorded just before the request goes out: from here until <see cref="MarkAsync"/> its outcome is unknown.</summary>
    public async Task MarkSendingAsync(Claimed prompt, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            UPDATE prompt_ledger SET status = 'sending', attempted_at = @now, attempts = attempts + 1, updated_at = @now
            WHERE user_id = @UserId AND local_date = @LocalDate AND kind = @Kind
            """, new { now, prompt.UserId, prompt.LocalDate, prompt.Kind });
    }

    public async Task MarkAsync(Claimed prompt, string status, ulong? messageId, Instant now, CancellationToken cancellationToken = default, string? error = null)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            UPDATE prompt_ledger SET status = @status, message_id = COALESCE(@messageId, message_id), updated_at = @now, last_error = @error
            WHERE user_id = @UserId AND local_date = @LocalDate AND kind = @Kind
            """, new { status, messageId, now, error, prompt.UserId, prompt.LocalDate, prompt.Kind });
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

    /// <summary>The message a sent prompt went out as (the first one, for a prompt of several parts).</summary>
    public async Task<ulong?> MessageIdAsync(ulong userId, LocalDate date, string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<ulong?>(
            "SELECT message_id FROM prompt_ledger WHERE user_id = @userId AND local_date = @date AND kind = @kind", new { userId, date, kind });
    }

    /// <summary>When <paramref name="kind"/> was last recorded for a person (the care message's 30-day cooldown).</summary>
    public async Task<Instant?> LastAsync(ulong userId, string kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<Instant?>(
            "SELECT MAX(due_at) FROM prompt_ledger WHERE user_id = @userId AND kind = @kind HAVING MAX(due_at) IS NOT NULL", new { userId, kind });
    }

    /// <summary>A nonce (≤25 characters) that is the same for the same person, day and kind, so a resend after a crash
    /// is recognised by Discord (Create Message with enforce_nonce).</summary>
    public static string NonceFor(ulong userId, LocalDate date, string kind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{userId}|{date:yyyy-MM-dd}|{kind}"));
        return "p" + Convert.ToHexString(hash, 0, 12).ToLowerInvariant();
    }
}
