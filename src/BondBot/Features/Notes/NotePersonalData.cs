using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Notes;

/// <summary>Notes and "thinking of you" a person sent (theirs: erased) and received (written by the partner: kept for
/// the sender, without this person's id). A received note is in the export once it has reached them: a later note once
/// delivered, a sealed note's words only once opened.</summary>
public sealed class NotePersonalData : IPersonalData
{
    public int EraseOrder => 10;

    public async Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export)
    {
        var who = new { userId = subject.UserId };
        await export.AddAsync("partner_notes_sent", connection,
            "SELECT to_user, kind, label, text, created_at, deliver_at, opened_at FROM notes WHERE from_user = @userId ORDER BY created_at", who);
        // "Delivered" is the outbox's word for it: the row keyed by the note was sent.
        await export.AddAsync("partner_notes_received", connection, """
            SELECT from_user, kind, label, CASE WHEN kind = 'sealed' AND opened_at IS NULL THEN NULL ELSE text END AS text, created_at, deliver_at, opened_at
            FROM notes n
            WHERE to_user = @userId
              AND (kind = 'sealed' OR EXISTS (SELECT 1 FROM outbox o WHERE o.delivery_key = 'note:' || n.note_id AND o.status = 'sent'))
            ORDER BY created_at
            """, who);
        await export.AddAsync("thinking_of_you_sent", connection,
            "SELECT to_user, local_date, sent_at, deliver_at FROM thinking_of_you WHERE from_user = @userId ORDER BY sent_at", who);
        await export.AddAsync("thinking_of_you_received", connection,
            """
            SELECT from_user, deliver_at FROM thinking_of_you t
            WHERE to_user = @userId AND EXISTS (SELECT 1 FROM outbox o WHERE o.delivery_key = 'thinking:' || t.thought_id AND o.status = 'sent')
            ORDER BY sent_at
            """, who);
    }

    public async Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now)
    {
        var who = new { userId = subject.UserId };
        await connection.ExecuteAsync("DELETE FROM notes WHERE from_user = @userId", who, transaction);
        await connection.ExecuteAsync("UPDATE notes SET to_user = 0 WHERE to_user = @userId", who, transaction);
        await connection.ExecuteAsync("DELETE FROM thinking_of_you WHERE from_user = @userId", who, transaction);
        await connection.ExecuteAsync("UPDATE thinking_of_you SET to_user = 0 WHERE to_user = @userId", who, transaction);
    }
}
