using BondBot.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BondBot.Features.Delivery;

/// <summary>The ledger of prompts, nudges, rituals and care messages sent to a person (kinds and days only).</summary>
public sealed class LedgerPersonalData : IPersonalData
{
    public int EraseOrder => 10;

    public Task ExportAsync(SqliteConnection connection, PersonalDataSubject subject, PersonalDataExport export) =>
        export.AddAsync("prompts_sent_to_you", connection,
            "SELECT local_date, kind, status, due_at, updated_at FROM prompt_ledger WHERE user_id = @userId ORDER BY local_date, kind", new { userId = subject.UserId });

    public Task EraseAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, Instant now) =>
        connection.ExecuteAsync("DELETE FROM prompt_ledger WHERE user_id = @userId", new { userId = subject.UserId }, transaction);
}
