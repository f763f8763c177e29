using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Pairing;

/// <summary>Pairings, invites and invite refusals. Erase leaves the partner's pairing history in place with this
/// person's side set to NULL, so shared rounds still read for the partner and either partner can erase, in either
/// order.</summary>
public sealed class PairingPersonalData : IPersonalData
{
    public int EraseOrder => 20;

    public async Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export)
    {
        var p = new { userId = subject.UserId };
        await export.AddAsync("pairings", connection, """
            SELECT p.pair_id, CASE WHEN p.user_a = @userId THEN p.user_b ELSE p.user_a END AS partner_id, p.created_at, p.ended_at
            FROM pairs p JOIN pair_members m ON m.pair_id = p.pair_id WHERE m.user_id = @userId
            """, p);
        await export.AddAsync("invites", connection,
            "SELECT inviter_id, invitee_id, status, created_at, answered_at FROM pair_invites WHERE inviter_id = @userId OR invitee_id = @userId", p);
        await export.AddAsync("invites_you_refused", connection, "SELECT inviter_id, created_at FROM invite_blocks WHERE invitee_id = @userId", p);
    }

    public async Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now)
    {
        var p = new { userId = subject.UserId };
        await connection.ExecuteAsync("DELETE FROM pair_invites WHERE inviter_id = @userId OR invitee_id = @userId", p, transaction);
        await connection.ExecuteAsync("DELETE FROM invite_blocks WHERE inviter_id = @userId OR invitee_id = @userId", p, transaction);
        await connection.ExecuteAsync("DELETE FROM pair_members WHERE user_id = @userId", p, transaction);
        await connection.ExecuteAsync("UPDATE pairs SET user_a = NULL WHERE user_a = @userId", p, transaction);
        await connection.ExecuteAsync("UPDATE pairs SET user_b = NULL WHERE user_b = @userId", p, transaction);
    }
}
