using BondBot.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BondBot.Features.Settings;

/// <summary>A person's own row: zone, check-in schedule, pause, DM channel. Erased last.</summary>
public sealed class SettingsPersonalData : IPersonalData
{
    public int EraseOrder => 30;

    public Task ExportAsync(SqliteConnection connection, PersonalDataSubject subject, PersonalDataExport export) =>
        export.AddAsync("settings", connection,
            "SELECT time_zone, checkin_time, checkin_days, paused_until, dm_unreachable_since, created_at FROM users WHERE user_id = @userId", new { userId = subject.UserId });

    public Task EraseAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, Instant now) =>
        connection.ExecuteAsync("DELETE FROM users WHERE user_id = @userId", new { userId = subject.UserId }, transaction);
}
