using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Appreciation;

/// <summary>Notes a person sent (theirs: erased) and received (written by the partner: kept for them, without this
/// person's id).</summary>
public sealed class AppreciationPersonalData : IPersonalData
{
    public int EraseOrder => 10;

    public async Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export)
    {
        await export.AddAsync("notes_sent", connection, "SELECT to_user, text, created_at, thanked_at FROM appreciations WHERE from_user = @userId ORDER BY created_at", new { userId = subject.UserId });
        await export.AddAsync("notes_received", connection, "SELECT from_user, text, created_at, thanked_at FROM appreciations WHERE to_user = @userId ORDER BY created_at", new { userId = subject.UserId });
    }

    public async Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now)
    {
        await connection.ExecuteAsync("DELETE FROM appreciations WHERE from_user = @userId", new { userId = subject.UserId }, transaction);
        await connection.ExecuteAsync("UPDATE appreciations SET to_user = 0 WHERE to_user = @userId", new { userId = subject.UserId }, transaction);
    }
}
