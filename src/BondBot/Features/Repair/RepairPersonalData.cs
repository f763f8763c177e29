using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Repair;

/// <summary>What a person wrote in the repair kit (drafts and sent messages: theirs, erased) and the repair messages
/// they received (their partner's words: kept for the partner, without this person's id). A partner's unsent
/// draft is never part of anyone else's export.</summary>
public sealed class RepairPersonalData : IPersonalData
{
    public int EraseOrder => 10;

    public async Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export)
    {
        await export.AddAsync("repair_written", connection,
            "SELECT to_user, kind, text, return_at, created_at, sent_at, thanked_at FROM repair_messages WHERE from_user = @userId ORDER BY created_at",
            new { userId = subject.UserId });
        await export.AddAsync("repair_received", connection,
            "SELECT from_user, kind, text, return_at, sent_at, thanked_at FROM repair_messages WHERE to_user = @userId AND sent_at IS NOT NULL ORDER BY sent_at",
            new { userId = subject.UserId });
    }

    public async Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now)
    {
        await connection.ExecuteAsync("DELETE FROM repair_messages WHERE from_user = @userId", new { userId = subject.UserId }, transaction);
        await connection.ExecuteAsync("UPDATE repair_messages SET to_user = 0 WHERE to_user = @userId", new { userId = subject.UserId }, transaction);
    }
}
