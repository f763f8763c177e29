using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.LookingBack;

/// <summary>Which revealed questions On this day brought back to the person's pairings, and when. An erase ends the
/// person's pairings, so these rows (about those pairings only) go with them.</summary>
public sealed class LookingBackPersonalData : IPersonalData
{
    public int EraseOrder => 5;

    public Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export) =>
        export.AddAsync("on_this_day", connection, $"""
            SELECT lb.pair_id, lb.round_id, r.question_text, lb.shown_at, lb.first_on, lb.second_on
            FROM looking_back lb JOIN rounds r ON r.round_id = lb.round_id
            WHERE lb.pair_id {SqlDialect.Of(connection).In("pairIds")} ORDER BY lb.shown_at
            """, new { pairIds = subject.PairIds });

    public Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now) =>
        connection.ExecuteAsync($"DELETE FROM looking_back WHERE pair_id {SqlDialect.Of(connection).In("pairIds")}", new { pairIds = subject.PairIds }, transaction);
}
