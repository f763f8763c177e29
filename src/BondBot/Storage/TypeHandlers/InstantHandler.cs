using System.Data;
using Dapper;
using NodaTime;

namespace BondBot.Storage.TypeHandlers;

/// <summary>Instants are stored as Unix milliseconds: compact, indexable and ordered (due-time queries).</summary>
internal sealed class InstantHandler : SqlMapper.TypeHandler<Instant>
{
    public override void SetValue(IDbDataParameter parameter, Instant value)
    {
        parameter.DbType = DbType.Int64;
        parameter.Value = value.ToUnixTimeMilliseconds();
    }

    public override Instant Parse(object value) => Instant.FromUnixTimeMilliseconds(Convert.ToInt64(value));
}
