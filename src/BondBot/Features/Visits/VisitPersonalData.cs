using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Visits;

/// <summary>Visits are the pair's: either partner set them for both, so each partner's export lists every visit of
/// their pairings (with who set it); an erase removes the ones this person set and leaves the partner's.</summary>
public sealed class VisitPersonalData : IPersonalData
{
    public int EraseOrder => 10;

    public Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export) =>
        export.AddAsync("visits", connection, $"""
            SELECT visit_id, pair_id, setter_id, zone, starts_on, start_time, ends_on, created_at
            FROM visits WHERE pair_id {SqlDialect.Of(connection).In("pairIds")} OR setter_id = @userId ORDER BY starts_on, visit_id
            """, new { pairIds = subject.PairIds, userId = subject.UserId });

    public Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now) =>
        connection.ExecuteAsync("DELETE FROM visits WHERE setter_id = @userId", new { userId = subject.UserId }, transaction);
}
