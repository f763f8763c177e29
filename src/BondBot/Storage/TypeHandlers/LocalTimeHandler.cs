using System.Data;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Storage.TypeHandlers;

/// <summary>Local times of day are stored as <c>HH:mm</c>, the same form users type in <c>/settings</c>.</summary>
internal sealed class LocalTimeHandler : SqlMapper.TypeHandler<LocalTime>
{
    private static readonly LocalTimePattern Pattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public override void SetValue(IDbDataParameter parameter, LocalTime value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = Pattern.Format(value);
    }

    public override LocalTime Parse(object value) => Pattern.Parse((string)value).Value;
}
