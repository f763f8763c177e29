using System.Globalization;
using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Switches;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Admin;

/// <summary>
/// <c>/admin doctor|status|feature</c> for a server's admins. Discord hides it from members without Manage Server
/// (<c>default_member_permissions</c>), but a server can grant it to others in its integration settings, so the
/// member's permissions in the interaction are checked here too. Every reply is private and holds counts only.
/// </summary>
public sealed class AdminCommand(DoctorReport doctor, StatusReport status, ServerFeatureRepository switches, IClock clock) : ISlashCommand
{
    public const string NotAnAdmin = "Only members with the **Manage Server** permission can use `/admin`.";

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "admin",
        Description = "Manage Server: check BondBot's health in this server and switch its features",
        DefaultMemberPermissions = ((ulong)Permissions.ManageGuild).ToString(CultureInfo.InvariantCulture),
        Contexts = [0],
        Options =
        [
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "doctor", Description = "What is wrong in this server, one line each with the fix" },
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "status", Description = "How BondBot is running: version, gateway, prompts, deliveries, switches" },
            new CommandOption
            {
                Type = CommandOptionType.SubCommand, Name = "feature", Description = "Switch a BondBot feature on or off in this server",
                Options =
                [
                    new CommandOption
                    {
                        Type = CommandOptionType.String, Name = "name", Description = "Which feature", Required = true,
                        Choices = ServerFeatures.All.Select(f => CommandChoice.Of(f.Title, f.Name)).ToList(),
                    },
                    new CommandOption { Type = CommandOptionType.Boolean, Name = "on", Description = "On or off", Required = true },
                ],
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (context.GuildId is not { } guildId)
        {
            await context.ReplyPrivatelyAsync("`/admin` works in a server, for that server.", cancellationToken);
            return;
        }
        if ((context.MemberPermissions & (Permissions.ManageGuild | Permissions.Administrator)) == 0)
        {
            await context.ReplyPrivatelyAsync(NotAnAdmin, cancellationToken);
            return;
        }
        switch (context.Data.SubCommand())
        {
            case "doctor":
                // Several REST reads (roles, member, category, commands): acknowledge first.
                await context.Responder.DeferAsync(ephemeral: true, cancellationToken);
                await context.ReplyPrivatelyAsync(await doctor.BuildAsync(guildId, cancellationToken), cancellationToken);
                break;
            case "status":
                await context.ReplyPrivatelyAsync(await status.BuildAsync(guildId, cancellationToken), cancellationToken);
                break;
            case "feature":
                await context.ReplyPrivatelyAsync(await SwitchAsync(context, guildId, cancellationToken), cancellationToken);
                break;
            default:
                await context.ReplyPrivatelyAsync("Use `/admin doctor`, `/admin status` or `/admin feature`.", cancellationToken);
                break;
        }
    }

    private async Task<string> SwitchAsync(InteractionContext context, ulong guildId, CancellationToken cancellationToken)
    {
        if (ServerFeatures.Parse(context.Data.GetString("name")) is not { } feature || context.Data.GetBoolean("on") is not { } on)
            return "Pick a feature and whether it should be on.";
        await switches.SetAsync(guildId, feature, on, clock.GetCurrentInstant(), cancellationToken);
        return $"**{feature.Title()}** is now **{(on ? "on" : "off")}** in this server. {Effect(feature, on)}";
    }

    private static string Effect(ServerFeature feature, bool on) => (feature, on) switch
    {
        (ServerFeature.QuestionsInChannels, false) => "`/question` in this server's channels is refused kindly; in DMs it works as before.",
        (ServerFeature.Spaces, false) => "No new private spaces open here; spaces that exist stay until their couple closes them.",
        (ServerFeature.Nudges, false) => "Couples who paired here (or have their space here) get no reminder to answer.",
        (ServerFeature.WeeklyCard, false) => "Couples who paired here (or have their space here) get no \"Your week together\" picture on the ritual day; the ritual still comes.",
        _ => "It works here again.",
    };
}
