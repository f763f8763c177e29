using BondBot.Discord;
using BondBot.Discord.Gateway;
using BondBot.Discord.Interactions;
using BondBot.Discord.Rest;
using BondBot.Interactions;
using Microsoft.Extensions.Options;

namespace BondBot.Features.Admin.Doctor;

/// <summary>Whether Discord has BondBot's commands as this version defines them (registered at start-up; a
/// difference means the start-up registration failed or another deploy overwrote them).</summary>
public sealed class CommandsCheck(DiscordRestClient rest, DiscordGatewayClient gateway, CommandCatalog catalog, IOptions<DiscordClientOptions> options) : IDoctorCheck
{
    public int Order => 30;

    public async Task<DoctorLine> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var applicationId = gateway.ApplicationId ?? (await rest.GetCurrentApplicationAsync(cancellationToken)).Id;
        var registered = await rest.GetCommandsAsync(applicationId, options.Value.DevGuild, cancellationToken);
        var diff = CommandRegistrar.Diff(registered, catalog.Definitions);
        if (diff.IsEmpty)
            return DoctorLine.Fine($"All {catalog.Definitions.Count} commands are registered and current.");
        var parts = new List<string>();
        if (diff.Added.Count > 0) parts.Add($"not registered: {Names(diff.Added)}");
        if (diff.Changed.Count > 0) parts.Add($"out of date: {Names(diff.Changed)}");
        if (diff.Removed.Count > 0) parts.Add($"left over: {Names(diff.Removed)}");
        return DoctorLine.Problem($"Discord's commands differ from this version ({string.Join("; ", parts)}).",
            "Restart BondBot: it registers its commands at start-up (the log says what it changed). If it happens again, another copy of the bot may be overwriting them.");
    }

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"/{n}"));
}
