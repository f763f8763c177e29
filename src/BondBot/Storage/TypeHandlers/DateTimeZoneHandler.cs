using System.Data;
using Dapper;
using NodaTime;

namespace BondBot.Storage.TypeHandlers;

/// <summary>Time zones are stored by IANA id and resolved against NodaTime's built-in database.</summary>
internal sealed class DateTimeZoneHandler : SqlMapper.TypeHandler<DateTimeZone>
{
    public override void SetValue(IDbDataParameter parameter, DateTimeZone? value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = (object?)value?.Id ?? DBNull.Value;
    }

    public override DateTimeZone Parse(object value) => DateTimeZoneProviders.Tzdb[(string)value];
}
