using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.Visits;

/// <summary>A pair's visits. "Current" is the one not over yet on a given date (at most one: setting replaces it);
/// the rest are history.</summary>
public sealed class VisitRepository(IDbConnections connections, OutboxWriter outbox)
{
    private const string Columns = "visit_id AS VisitId, pair_id AS PairId, setter_id AS SetterId, zone AS Zone, starts_on AS StartsOn, start_time AS StartTime, ends_on AS EndsOn";
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    // Read as text and converted here: the nullable time and the zone stay out of Dapper's constructor matching.
    private sealed record Row(long VisitId, long PairId, long SetterId, string Zone, string StartsOn, string? StartTime, string EndsOn)
    {
        public Visit ToVisit() => new(VisitId, PairId, unchecked((ulong)SetterId), DateTimeZoneProviders.Tzdb.GetZoneOrNull(Zone) ?? DateTimeZone.Utc,
            LocalDatePattern.Iso.Parse(StartsOn).Value, StartTime is null ? null : TimePattern.Parse(StartTime).Value, LocalDatePattern.Iso.Parse(EndsOn).Value);
    }

    private static string Day(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Replaces the pair's current visit (one not over on <paramref name="today"/>) with a new one and writes
    /// the partner's notice in the same transaction.</summary>
    public Task<Visit?> SetAsync(long pairId, ulong setterId, DateTimeZone zone, LocalDate startsOn, LocalTime? startTime, LocalDate endsOn, LocalDate today,
        Instant now, Func<Visit, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default) =>
        outbox.ChangeAsync(connections, async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM visits WHERE pair_id = @pairId AND ends_on >= @today", new { pairId, today = Day(today) }, transaction);
            var row = await connection.QuerySingleAsync<Row>($"""
                INSERT INTO visits (pair_id, setter_id, zone, starts_on, start_time, ends_on, created_at)
                VALUES (@pairId, @setterId, @zone, @startsOn, @startTime, @endsOn, @now)
                RETURNING {Columns}
                """, new
            {
                pairId, setterId = unchecked((long)setterId), zone = zone.Id, startsOn = Day(startsOn),
                startTime = startTime is { } t ? TimePattern.Format(t) : null, endsOn = Day(endsOn), now,
            }, transaction);
            return row.ToVisit();
        }, deliveries, cancellationToken);

    /// <summary>Removes the pair's current visit and writes the partner's notice; null when there was none.</summary>
    public Task<Visit?> ClearAsync(long pairId, LocalDate today, Func<Visit, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default) =>
        outbox.ChangeAsync(connections, async (connection, transaction) =>
            (await connection.QueryFirstOrDefaultAsync<Row>($"DELETE FROM visits WHERE pair_id = @pairId AND ends_on >= @today RETURNING {Columns}",
                new { pairId, today = Day(today) }, transaction))?.ToVisit(),
        deliveries, cancellationToken);

    /// <summary>The first <paramref name="count"/> visits ending on or after <paramref name="from"/>, soonest first.</summary>
    public async Task<IReadOnlyList<Visit>> EndingFromAsync(long pairId, LocalDate from, int count, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>($"""
            SELECT {Columns} FROM visits WHERE pair_id = @pairId AND ends_on >= @from ORDER BY ends_on, visit_id LIMIT @count
            """, new { pairId, from = Day(from), count });
        return rows.Select(r => r.ToVisit()).ToList();
    }

    /// <summary>The first visit whose last day is on or after <paramref name="from"/>: the current one, or (from the day
    /// before) one that just ended.</summary>
    public async Task<Visit?> FirstEndingFromAsync(long pairId, LocalDate from, CancellationToken cancellationToken = default) =>
        (await EndingFromAsync(pairId, from, 1, cancellationToken)).FirstOrDefault();

    public sealed record History(int Count, LocalDate? LastEndedOn);

    /// <summary>Visits over before <paramref name="today"/>: how many, and the last one's last day.</summary>
    public async Task<History> PastAsync(long pairId, LocalDate today, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (count, last) = await connection.QuerySingleAsync<(long, string?)>(
            "SELECT COUNT(*), MAX(ends_on) FROM visits WHERE pair_id = @pairId AND ends_on < @today", new { pairId, today = Day(today) });
        return new History((int)count, last is null ? null : LocalDatePattern.Iso.Parse(last).Value);
    }
}
