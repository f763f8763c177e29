using BondBot.Features.Delivery;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Clocks;

/// <summary>What the clock-change heads-up reads and writes: the pairs whose clocks could drift apart, and the
/// once-per-person-per-transition record written with the DM it allows.</summary>
public sealed class ClockPairsRepository(IDbConnections connections, OutboxWriter outbox)
{
    /// <summary>An active pair with both partners' zones (read together, so a pass costs one query until a change is near).</summary>
    public sealed record ZonedPair(Pair Pair, DateTimeZone ZoneA, DateTimeZone ZoneB);

    private sealed record Row(long PairId, ulong UserA, ulong UserB, ulong? GuildId, Instant CreatedAt, string ZoneA, string ZoneB);

    /// <summary>Active pairs in which both partners set a zone, and not the same one (one zone never drifts).</summary>
    public async Task<IReadOnlyList<ZonedPair>> PairsInTwoZonesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>("""
            SELECT p.pair_id AS PairId, p.user_a AS UserA, p.user_b AS UserB, p.guild_id AS GuildId, p.created_at AS CreatedAt,
                   a.time_zone AS ZoneA, b.time_zone AS ZoneB
            FROM pairs p
            JOIN users a ON a.user_id = p.user_a
            JOIN users b ON b.user_id = p.user_b
            WHERE p.ended_at IS NULL AND a.time_zone IS NOT NULL AND b.time_zone IS NOT NULL AND a.time_zone <> b.time_zone
            """);
        return rows
            .Select(r => (r, a: DateTimeZoneProviders.Tzdb.GetZoneOrNull(r.ZoneA), b: DateTimeZoneProviders.Tzdb.GetZoneOrNull(r.ZoneB)))
            .Where(x => x.a is not null && x.b is not null)
            .Select(x => new ZonedPair(new Pair(x.r.PairId, x.r.UserA, x.r.UserB, x.r.GuildId, x.r.CreatedAt), x.a!, x.b!))
            .ToList();
    }

    /// <summary>The ledger kind of one transition: its instant makes it unique, so each person hears of it once.</summary>
    public static string Kind(Instant transition) => $"clock:{transition.ToUnixTimeSeconds()}";

    /// <summary>The ledger date of one transition: its own UTC date, fixed for the transition, so the key never varies by pass.</summary>
    public static LocalDate Date(Instant transition) => transition.InUtc().Date;

    /// <summary>Records the heads-up for this person and transition and writes its DM in the same transaction; false
    /// (and nothing written) when it was recorded before — by an earlier pass, or before a restart.</summary>
    public async Task<bool> TryRecordAsync(ulong userId, Instant transition, Instant now, OutboxItem notice, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var date = Date(transition);
        var kind = Kind(transition);
        var claimed = new PromptLedger.Claimed(userId, date, kind, now, PromptLedger.NonceFor(userId, date, kind));
        if (!await PromptLedger.InsertAsync(connection, transaction, claimed, LedgerStatus.Sent, now))
            return false;
        await outbox.WriteAsync(connection, transaction, [notice]);
        await outbox.CommitAsync(transaction, cancellationToken);
        return true;
    }
}
