using BondBot.Tests.Support;
using Dapper;
using NodaTime;

namespace BondBot.Tests.Storage;

/// <summary>Every type handler round-trips through a real SQLite file and a real PostgreSQL database.</summary>
public sealed class TypeHandlerTests
{
    public static TheoryData<string> Providers => TempDatabase.Providers;

    public static TheoryData<string, ulong> SnowflakesOnBothProviders()
    {
        var data = new TheoryData<string, ulong>();
        foreach (var provider in new[] { "sqlite", "postgres" })
            foreach (var id in new[]
                     {
                         0UL,
                         175928847299117063UL,      // a real-looking snowflake
                         9007199254740993UL,        // 2^53 + 1: where doubles lose precision
                         9223372036854775808UL,     // 2^63: where signed 64-bit integers wrap
                         18446744073709551615UL,    // the largest possible id
                     })
                data.Add(provider, id);
        return data;
    }

    private sealed record UserRow(ulong UserId, ulong? DmChannelId, Instant CreatedAt, LocalTime CheckinTime, DateTimeZone? TimeZone);

    [Theory]
    [MemberData(nameof(SnowflakesOnBothProviders))]
    public async Task Snowflakes_round_trip_through_a_real_database(string provider, ulong id)
    {
        using var _db = new TempDatabase(provider);
        await _db.MigratedAsync();
        await using var connection = await _db.Connections.OpenAsync();
        await connection.ExecuteAsync("INSERT INTO users (user_id, dm_channel_id, created_at) VALUES (@id, @id, 0)", new { id });

        var back = await connection.QuerySingleAsync<ulong>("SELECT user_id FROM users WHERE user_id = @id", new { id });
        var channel = await connection.QuerySingleAsync<ulong?>("SELECT dm_channel_id FROM users WHERE user_id = @id", new { id });

        Assert.Equal(id, back);
        Assert.Equal(id, channel);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_missing_dm_channel_reads_as_none_not_an_error(string provider)
    {
        using var _db = new TempDatabase(provider);
        await _db.MigratedAsync();
        var channels = new BondBot.Features.Delivery.DmChannelRepository(_db.Connections);
        await using (var connection = await _db.Connections.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO users (user_id, created_at) VALUES (7, 0)");

        Assert.Null(await channels.GetChannelAsync(7));
        Assert.Null(await channels.GetChannelAsync(8));
        await channels.SetChannelAsync(7, ulong.MaxValue);
        Assert.Equal(ulong.MaxValue, await channels.GetChannelAsync(7));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Time_types_and_zones_round_trip_into_records(string provider)
    {
        using var _db = new TempDatabase(provider);
        await _db.MigratedAsync();
        await using var connection = await _db.Connections.OpenAsync();
        var created = Instant.FromUtc(2026, 3, 29, 1, 30, 15).PlusNanoseconds(123_000_000);
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        await connection.ExecuteAsync(
            "INSERT INTO users (user_id, created_at, checkin_time, time_zone) VALUES (@UserId, @CreatedAt, @CheckinTime, @TimeZone)",
            new { UserId = ulong.MaxValue, CreatedAt = created, CheckinTime = new LocalTime(21, 5), TimeZone = zone });

        var row = await connection.QuerySingleAsync<UserRow>(
            "SELECT user_id AS UserId, dm_channel_id AS DmChannelId, created_at AS CreatedAt, checkin_time AS CheckinTime, time_zone AS TimeZone FROM users");

        Assert.Equal(new UserRow(ulong.MaxValue, null, created, new LocalTime(21, 5), zone), row);
        Assert.Equal("21:05", await connection.ExecuteScalarAsync<string>("SELECT checkin_time FROM users"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Local_dates_are_stored_as_sortable_iso_text(string provider)
    {
        using var _db = new TempDatabase(provider);
        await _db.MigratedAsync();
        await using var connection = await _db.Connections.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO checkins (user_id, local_date, mood, created_at, updated_at) VALUES (1, @d, 3, 0, 0)",
            new { d = new LocalDate(2026, 2, 9) });

        Assert.Equal("2026-02-09", await connection.ExecuteScalarAsync<string>("SELECT local_date FROM checkins"));
        Assert.Equal(new LocalDate(2026, 2, 9), await connection.QuerySingleAsync<LocalDate>("SELECT local_date FROM checkins"));
    }
}
