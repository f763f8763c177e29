using BondBot.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace BondBot.Features.Pulse;

/// <summary>A person's monthly pulse ratings.</summary>
public sealed class PulsePersonalData : IPersonalData
{
    public int EraseOrder => 10;

    public Task ExportAsync(SqliteConnection connection, PersonalDataSubject subject, PersonalDataExport export) =>
        export.AddAsync("pulse", connection,
            "SELECT month, trust, knowledge, mutuality, commitment, caring, interdependence FROM pulses WHERE user_id = @userId ORDER BY month", new { userId = subject.UserId });

    public Task EraseAsync(SqliteConnection connection, SqliteTransaction transaction, PersonalDataSubject subject, Instant now) =>
        connection.ExecuteAsync("DELETE FROM pulses WHERE user_id = @userId", new { userId = subject.UserId }, transaction);
}
