using Dapper;

namespace BondBot.Storage.TypeHandlers;

/// <summary>Registers BondBot's Dapper type handlers once per process (Dapper's map is global).</summary>
internal static class DapperTypeHandlers
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1)
            return;
        // Dapper maps ulong itself and would skip a handler for it; removing the built-in map lets ours run.
        SqlMapper.RemoveTypeMap(typeof(ulong));
        SqlMapper.RemoveTypeMap(typeof(ulong?));
        SqlMapper.RemoveTypeMap(typeof(bool));
        SqlMapper.RemoveTypeMap(typeof(bool?));
        SqlMapper.AddTypeHandler(new BooleanHandler());
        SqlMapper.AddTypeHandler(new SnowflakeHandler());
        SqlMapper.AddTypeHandler(new InstantHandler());
        SqlMapper.AddTypeHandler(new LocalDateHandler());
        SqlMapper.AddTypeHandler(new LocalTimeHandler());
        SqlMapper.AddTypeHandler(new DateTimeZoneHandler());
    }
}
