using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Couple;

/// <summary>A pair's own choices (<c>couple_settings</c>), one row per pair, deleted with the pair.</summary>
public sealed class CoupleSettingsRepository(IDbConnections connections, OutboxWriter outbox)
{
    private sealed record Row(string? Distance, string? Stage, string? BusyDays, string? LookingBack, string? WeekCard)
    {
        public CoupleSettings ToSettings() => new(CoupleWords.Parse<CoupleDistance>(Distance), CoupleWords.Parse<CoupleStage>(Stage),
            CoupleWords.Parse<BusyDays>(BusyDays), CoupleWords.ParseSwitch(LookingBack), CoupleWords.ParseSwitch(WeekCard));
    }

    private const string Columns = "distance AS Distance, stage AS Stage, busy_days AS BusyDays, looking_back AS LookingBack, week_card AS WeekCard";

    public async Task<CoupleSettings> GetAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM couple_settings WHERE pair_id = @pairId",
            new { pairId });
        return row?.ToSettings() ?? new CoupleSettings(null, null, null);
    }

    /// <summary>Applies the given changes (null = unchanged), with the partner's notice in the same transaction.</summary>
    public async Task<CoupleSettings> SaveAsync(long pairId, CoupleSettings changes, Instant now, Func<CoupleSettings, IEnumerable<OutboxItem>> notices,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var row = await connection.QuerySingleAsync<Row>($"""
            INSERT INTO couple_settings (pair_id, distance, stage, busy_days, looking_back, week_card, updated_at)
            VALUES (@pairId, @distance, @stage, @busy, @lookingBack, @weekCard, @now)
            ON CONFLICT (pair_id) DO UPDATE SET distance = COALESCE(excluded.distance, couple_settings.distance), stage = COALESCE(excluded.stage, couple_settings.stage),
                busy_days = COALESCE(excluded.busy_days, couple_settings.busy_days), looking_back = COALESCE(excluded.looking_back, couple_settings.looking_back),
                week_card = COALESCE(excluded.week_card, couple_settings.week_card), updated_at = excluded.updated_at
            RETURNING {Columns}
            """, new
            {
                pairId, now,
                distance = changes.Distance is { } d ? CoupleWords.Key(d) : null,
                stage = changes.Stage is { } s ? CoupleWords.Key(s) : null,
                busy = changes.BusyDays is { } b ? CoupleWords.Key(b) : null,
                lookingBack = CoupleWords.Switch(changes.LookingBack),
                weekCard = CoupleWords.Switch(changes.WeekCard),
            }, transaction);
        var saved = row.ToSettings();
        await outbox.WriteAsync(connection, transaction, notices(saved));
        await outbox.CommitAsync(transaction, cancellationToken);
        return saved;
    }
}
