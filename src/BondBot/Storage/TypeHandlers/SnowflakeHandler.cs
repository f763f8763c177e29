using System.Data;
using Dapper;

namespace BondBot.Storage.TypeHandlers;

/// <summary>
/// Discord ids use all 64 bits, but SQLite integers are signed. The id is stored as the signed integer with
/// the same bits, so every id round-trips exactly (equality lookups work; ordering above 2^63 does not,
/// and nothing orders by id).
/// </summary>
internal sealed class SnowflakeHandler : SqlMapper.TypeHandler<ulong>
{
    public override void SetValue(IDbDataParameter parameter, ulong value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = unchecked((long)value);
    }

    public override ulong Parse(object value) => unchecked((ulong)Convert.ToInt64(value));
}
