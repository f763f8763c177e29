namespace BondBot.Features.Switches;

/// <summary>What features consult before doing something in a server: is it switched on there?</summary>
public interface IServerFeatures
{
    /// <summary>True unless the server's admins switched <paramref name="feature"/> off.</summary>
    Task<bool> IsOnAsync(ulong guildId, ServerFeature feature, CancellationToken cancellationToken = default);
}
