using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.ThisOrThat;

/// <summary>A person's own picks (erased with them), and the revealed runs of their pairings with both partners' picks
/// (revealed to them already; never a partner's pick in a run that is still locked). Runs and their items belong to
/// the pair and go when the pair is deleted.</summary>
public sealed class ThisOrThatPersonalData : IPersonalData
{
    public int EraseOrder => 10;

    public async Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export)
    {
        var p = new { userId = subject.UserId, pairIds = subject.PairIds };
        await export.AddAsync("this_or_that_my_picks", connection, """
            SELECT k.run_id, i.option_a, i.option_b, CASE k.choice WHEN 'a' THEN i.option_a ELSE i.option_b END AS picked, k.picked_at
            FROM this_or_that_picks k JOIN this_or_that_items i ON i.run_id = k.run_id AND i.position = k.position
            WHERE k.user_id = @userId ORDER BY k.picked_at, k.position
            """, p);
        await export.AddAsync("this_or_that_revealed", connection, $"""
            SELECT r.run_id, r.revealed_at, i.option_a, i.option_b, k.user_id AS picked_by,
                   CASE k.choice WHEN 'a' THEN i.option_a ELSE i.option_b END AS picked
            FROM this_or_that_runs r JOIN this_or_that_items i ON i.run_id = r.run_id
            JOIN this_or_that_picks k ON k.run_id = i.run_id AND k.position = i.position
            WHERE r.pair_id {SqlDialect.Of(connection).In("pairIds")} AND r.status = 'revealed' ORDER BY r.run_id, i.position, k.picked_at
            """, p);
    }

    public Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now) =>
        connection.ExecuteAsync("DELETE FROM this_or_that_picks WHERE user_id = @userId", new { userId = subject.UserId }, transaction);
}
