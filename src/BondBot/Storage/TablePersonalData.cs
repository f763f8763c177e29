using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Storage;

/// <summary>
/// The common case of <see cref="IPersonalData"/>: one section of rows selected by the person's id, and one statement
/// that erases them. A feature whose data is that simple registers one of these instead of writing a class.
/// Both statements take <c>@userId</c>.
/// </summary>
public sealed class TablePersonalData(int eraseOrder, string section, string exportSql, string eraseSql) : IPersonalData
{
    public int EraseOrder => eraseOrder;

    public Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export) =>
        export.AddAsync(section, connection, exportSql, new { userId = subject.UserId });

    public Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now) =>
        connection.ExecuteAsync(eraseSql, new { userId = subject.UserId }, transaction);
}
