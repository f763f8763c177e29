using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Switches;

/// <summary>The switches in <c>server_features</c>: a row only once an admin changed one (no row: on).</summary>
public sealed class ServerFeatureRepository(IDbConnections connections) : IServerFeatures
{
    public async Task<bool> IsOnAsync(ulong guildId, ServerFeature feature, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(
            "SELECT is_on FROM server_features WHERE guild_id = @guildId AND feature = @name", new { guildId, name = feature.Name() }) is not 0;
    }

    /// <summary>Every switch for one server, on or off.</summary>
    public async Task<IReadOnlyDictionary<ServerFeature, bool>> AllAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var stored = (await connection.QueryAsync<(string Feature, long IsOn)>(
            "SELECT feature AS Feature, is_on AS IsOn FROM server_features WHERE guild_id = @guildId", new { guildId })).ToDictionary(r => r.Feature, r => r.IsOn != 0);
        return ServerFeatures.All.ToDictionary(f => f.Feature, f => stored.GetValueOrDefault(f.Name, true));
    }

    public async Task SetAsync(ulong guildId, ServerFeature feature, bool on, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            INSERT INTO server_features (guild_id, feature, is_on, changed_at) VALUES (@guildId, @name, @on, @now)
            ON CONFLICT (guild_id, feature) DO UPDATE SET is_on = excluded.is_on, changed_at = excluded.changed_at
            """, new { guildId, name = feature.Name(), on, now });
    }
}
