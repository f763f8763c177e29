using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BondBot.Features.Space;

/// <summary>The private spaces of a person's pairings. Erase deletes every one still standing, of earlier pairings
/// too, so nothing shared there stays readable.</summary>
public sealed class SpacePersonalData(OutboxWriter outbox) : IPersonalData
{
    public int EraseOrder => 15;

    public async Task ExportAsync(SqliteConnection connection, ulong userId, PersonalDataExport export)
    {
        await export.AddAsync("spaces", connection,
            "SELECT s.guild_id, s.channel_id, s.created_at FROM spaces s JOIN pair_members m ON m.pair_id = s.pair_id WHERE m.user_id = @userId", new { userId });
        await export.AddAsync("space_requests", connection,
            "SELECT r.guild_id, r.requested_by, r.created_at FROM space_requests r JOIN pair_members m ON m.pair_id = r.pair_id WHERE m.user_id = @userId", new { userId });
    }

    public async Task EraseAsync(SqliteConnection connection, SqliteTransaction transaction, ulong userId, Instant now)
    {
        var pairs = (await connection.QueryAsync<long>("SELECT pair_id FROM pair_members WHERE user_id = @userId", new { userId }, transaction)).ToList();
        foreach (var pairId in pairs)
            await SpaceRepository.CloseForPairAsync(connection, transaction, pairId, outbox);
    }
}
