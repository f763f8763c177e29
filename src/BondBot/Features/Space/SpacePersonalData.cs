using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Space;

/// <summary>The private spaces of a person's pairings. Erase deletes every one still standing, of earlier pairings
/// too, so nothing shared there stays readable.</summary>
public sealed class SpacePersonalData(OutboxWriter outbox) : IPersonalData
{
    public int EraseOrder => 15;

    public async Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export)
    {
        await export.AddAsync("spaces", connection, $"SELECT guild_id, channel_id, created_at FROM spaces WHERE pair_id {SqlDialect.Of(connection).In("PairIds")}", new { subject.PairIds });
        await export.AddAsync("space_requests", connection, $"SELECT guild_id, requested_by, created_at FROM space_requests WHERE pair_id {SqlDialect.Of(connection).In("PairIds")}", new { subject.PairIds });
    }

    public async Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now)
    {
        foreach (var pairId in subject.PairIds)
            await SpaceRepository.CloseForPairAsync(connection, transaction, pairId, outbox);
    }
}
