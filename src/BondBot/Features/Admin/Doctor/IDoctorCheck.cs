namespace BondBot.Features.Admin.Doctor;

/// <summary>One thing <c>/admin doctor</c> checks in a server, answered with one line and, when it is wrong, the fix.
/// Checks run in <see cref="Order"/>; one that throws is reported as "could not check", never as fine.</summary>
public interface IDoctorCheck
{
    int Order { get; }

    Task<DoctorLine> CheckAsync(DoctorContext context, CancellationToken cancellationToken);
}

/// <summary>The server being checked, and what the checks share (the bot's permissions are read once).</summary>
public sealed class DoctorContext(ulong guildId, Func<CancellationToken, Task<SpacePlace>> readPlace)
{
    private Task<SpacePlace>? _place;

    public ulong GuildId { get; } = guildId;

    /// <summary>Where spaces are created in this server and what the bot may do there.</summary>
    public Task<SpacePlace> PlaceAsync(CancellationToken cancellationToken) => _place ??= readPlace(cancellationToken);
}

/// <summary>A check's answer: fine or not, what was found, and what to do about it.</summary>
public sealed record DoctorLine(bool Ok, string Finding, string? Fix = null)
{
    public static DoctorLine Fine(string finding) => new(true, finding);

    public static DoctorLine Problem(string finding, string fix) => new(false, finding, fix);

    public string Render() => Ok ? $"✅ {Finding}" : $"⚠️ {Finding}\n   → {Fix}";
}
