using System.Data;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Storage.TypeHandlers;

/// <summary>Local dates are stored as ISO text (<c>2026-11-24</c>), which sorts in date order.</summary>
internal sealed class LocalDateHandler : SqlMapper.TypeHandler<LocalDate>
{
    public override void SetValue(IDbDataParameter parameter, LocalDate value)
    {
        parameter.DbType = DbType.String;
        parameter.Value = LocalDatePattern.Iso.Format(value);
    }

    public override LocalDate Parse(object value) => LocalDatePattern.Iso.Parse((string)value).Value;
}
