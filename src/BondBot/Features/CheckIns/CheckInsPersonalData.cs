using BondBot.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary>A person's check-ins: moods and what they wrote.</summary>
public sealed class CheckInsPersonalData : IPersonalData
{
    public int EraseOrder => 10;

    public Task ExportAsync(SqliteConnection connection, PersonalDataSubject subject, PersonalDataExport export) =>
        export.AddAsync("checkins", connection,
            "SELECT local_date, mood, good_thing, stress, need, updated_at FROM checkins WHERE user_id = @userId ORDER BY local_date", new { userId = subject.UserId });

    public Task EraseAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, Instant now) =>
        connection.ExecuteAsync("DELETE FROM checkins WHERE user_id = @userId", new { userId = subject.UserId }, transaction);
}
