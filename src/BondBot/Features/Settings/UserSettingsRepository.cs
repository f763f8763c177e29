using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Settings;

/// <summary>Schedules in the users table, and the due index the scheduler reads.</summary>
public sealed class UserSettingsRepository(IDbConnections connections, OutboxWriter outbox)
{
    private sealed record Row(ulong UserId, string? TimeZone, LocalTime CheckinTime, string CheckinDays, Instant? PausedUntil, Instant? NextCheckinAt, long TimeChosen);

    public async Task<UserSettings> GetAsync(ulong userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>("""
            SELECT user_id AS UserId, time_zone AS TimeZone, checkin_time AS CheckinTime, checkin_days AS CheckinDays,
                   paused_until AS PausedUntil, next_checkin_at AS NextCheckinAt, checkin_time_chosen AS TimeChosen
            FROM users WHERE user_id = @userId
            """, new { userId });
        return row is null
            ? new UserSettings(userId, null, UserSettings.DefaultTime, CheckInDays.Every, null, null)
            : new UserSettings(row.UserId, row.TimeZone is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(row.TimeZone),
                row.CheckinTime, CheckInDaysExtensions.Parse(row.CheckinDays) ?? CheckInDays.Every, row.PausedUntil, row.NextCheckinAt, row.TimeChosen != 0);
    }

    /// <summary>Stores the schedule and the next due instant computed from it, with anything the partner is told.</summary>
    public async Task SaveAsync(UserSettings settings, Instant now, IEnumerable<OutboxItem>? deliveries = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        await connection.ExecuteAsync("""
            INSERT INTO users (user_id, time_zone, checkin_time, checkin_days, paused_until, next_checkin_at, checkin_time_chosen, created_at)
            VALUES (@UserId, @ZoneId, @CheckInTime, @DaysKey, @PausedUntil, @NextCheckInAt, @TimeChosen, @now)
            ON CONFLICT (user_id) DO UPDATE SET
                time_zone = excluded.time_zone, checkin_time = excluded.checkin_time, checkin_days = excluded.checkin_days,
                paused_until = excluded.paused_until, next_checkin_at = excluded.next_checkin_at, checkin_time_chosen = excluded.checkin_time_chosen
            """, new
        {
            settings.UserId,
            ZoneId = settings.Zone?.Id,
            settings.CheckInTime,
            DaysKey = settings.Days.ToKey(),
            settings.PausedUntil,
            settings.NextCheckInAt,
            settings.TimeChosen,
            now,
        }, transaction);
        await outbox.WriteAsync(connection, transaction, deliveries ?? []);
        await outbox.CommitAsync(transaction, cancellationToken);
    }

    // A class, not a positional record: Dapper maps by name here.
    public sealed class DueRow
    {
        public ulong UserId { get; init; }
        public string? TimeZone { get; init; }
        public LocalTime CheckinTime { get; init; }
        public string CheckinDays { get; init; } = "";
        public Instant? PausedUntil { get; init; }
        public Instant NextCheckinAt { get; init; }

        /// <summary>The person's schedule, or null when their zone is unknown.</summary>
        public CheckInSchedule? Schedule => TimeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) is { } zone
            ? new CheckInSchedule(zone, CheckinTime, CheckInDaysExtensions.Parse(CheckinDays) ?? CheckInDays.Every)
            : null;
    }

    /// <summary>Everyone due by <paramref name="now"/>, oldest first, inside the caller's transaction. Served by the
    /// partial index on next_checkin_at: the cost depends on who is due, not on how many people exist. Rows another
    /// process is claiming at this moment are passed over (<see cref="SqlDialect.SkipLocked"/>), so processes split a fan-out.</summary>
    public static async Task<IReadOnlyList<DueRow>> DueAsync(DbConnection connection, DbTransaction transaction, Instant now, int limit) =>
        (await connection.QueryAsync<DueRow>($"""
            {DueSql}{SqlDialect.Of(connection).SkipLocked}
            """, new { now, limit }, transaction)).ToList();

    /// <summary>The due query itself (the benchmark times it as the scheduler runs it).</summary>
    public const string DueSql = """
        SELECT user_id AS UserId, time_zone AS TimeZone, checkin_time AS CheckinTime, checkin_days AS CheckinDays,
               paused_until AS PausedUntil, next_checkin_at AS NextCheckinAt
        FROM users WHERE next_checkin_at IS NOT NULL AND next_checkin_at <= @now
        ORDER BY next_checkin_at LIMIT @limit
        """;

    /// <summary>Moves a person's next due instant (null: no zone, nothing is scheduled) inside the caller's transaction.</summary>
    public static Task SetNextAsync(DbConnection connection, DbTransaction transaction, ulong userId, Instant? next) =>
        connection.ExecuteAsync("UPDATE users SET next_checkin_at = @next WHERE user_id = @userId", new { next, userId }, transaction);
}
