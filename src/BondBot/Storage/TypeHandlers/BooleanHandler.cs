using System.Data;
using Dapper;

namespace BondBot.Storage.TypeHandlers;

/// <summary>
/// Flags are stored as 0/1 integers, SQLite's own form, on PostgreSQL too (BIGINT columns), so one schema convention
/// and SQL such as <c>active = 1</c> or <c>CASE WHEN @flag = 1</c> serve both providers.
/// </summary>
internal sealed class BooleanHandler : SqlMapper.TypeHandler<bool>
{
    public override void SetValue(IDbDataParameter parameter, bool value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = value ? 1L : 0L;
    }

    public override bool Parse(object value) => value is bool flag ? flag : Convert.ToInt64(value) != 0;
}
