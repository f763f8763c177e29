using System.Globalization;
using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Delivery;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Space;

/// <summary><c>/space open|close|category</c>: a text channel for the two partners, opened only once the partner
/// agrees, and honest that server admins can see it too.</summary>
public sealed class SpaceCommand(PairingService pairing, SpaceRepository spaces, GuildChannels guild, Switches.IServerFeatures features, IClock clock) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "space",
        Description = "A private channel for you and your partner",
        Contexts = [0],
        Options =
        [
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "open", Description = "Ask your partner to open a private channel for the two of you" },
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "close", Description = "Delete your private channel (asks first)" },
            new CommandOption
            {
                Type = CommandOptionType.SubCommand, Name = "category", Description = "Manage Server: where new private spaces are created",
                Options = [new CommandOption { Type = CommandOptionType.Channel, Name = "category", Description = "A channel category", Required = true, ChannelTypes = [4] }],
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (context.GuildId is not { } guildId)
        {
            await context.ReplyPrivatelyAsync("Private spaces live in a server: use `/space open` in a server you and your partner share.", cancellationToken);
            return;
        }
        switch (context.Data.SubCommand())
        {
            case "open":
                await context.ReplyPrivatelyAsync(await OpenAsync(context, guildId, cancellationToken), cancellationToken);
                break;
            case "close":
                await CloseAsync(context, cancellationToken);
                break;
            case "category":
                await context.ReplyPrivatelyAsync(await CategoryAsync(context, guildId, cancellationToken), cancellationToken);
                break;
            default:
                await context.ReplyPrivatelyAsync("Use `/space open`, `/space close` or `/space category`.", cancellationToken);
                break;
        }
    }

    private async Task<string> OpenAsync(InteractionContext context, ulong guildId, CancellationToken cancellationToken)
    {
        if (!await features.IsOnAsync(guildId, Switches.ServerFeature.Spaces, cancellationToken))
            return SpaceMessages.SwitchedOff;
        if (await pairing.GetActivePairAsync(context.UserId, cancellationToken) is not { } pair)
            return "Pair up first with `/pair partner:@them`; a space is for the two of you.";
        if (await spaces.ForPairAsync(pair.PairId, cancellationToken) is { } existing)
            return $"You already have a private space: <#{existing.ChannelId}>.";
        var app = context.Interaction.AppPermissions ?? Permissions.None;
        if ((app & (Permissions.ManageChannels | Permissions.Administrator)) == 0)
            return SpaceMessages.MissingManageChannels;
        var partnerId = pair.PartnerOf(context.UserId);
        // Acknowledge before asking Discord whether the partner is a member (a REST call that can wait on a bucket).
        await context.Responder.DeferAsync(ephemeral: true, cancellationToken);
        if (await guild.MemberAsync(guildId, partnerId, cancellationToken) is null)
            return $"{PairingMessages.Mention(partnerId)} isn't a member of this server. A space needs both of you here.";
        await spaces.SaveRequestAsync(pair.PairId, guildId, context.UserId, clock.GetCurrentInstant(),
            [OutboxItem.ToPerson(OutboxKinds.SpaceRequest, partnerId, SpaceMessages.Request(context.UserId, pair.PairId), $"space-request:{pair.PairId}")],
            cancellationToken);
        return $"I've asked {PairingMessages.Mention(partnerId)} to agree first; the space opens as soon as they do. {SpaceMessages.WhoCanSee}";
    }

    private async Task CloseAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        if (pair is null || await spaces.ForPairAsync(pair.PairId, cancellationToken) is not { } space)
        {
            await context.ReplyPrivatelyAsync("You don't have a private space right now.", cancellationToken);
            return;
        }
        await context.ReplyPrivatelyAsync(new MessagePayload
        {
            Content = $"Delete your private space <#{space.ChannelId}>? Its messages go with it; I'll send things by DM again.",
            Components = [Component.Row(Component.Button(CustomId.Create(SpaceCloseHandler.Prefix_, pair.PairId), "Delete the space", ButtonStyle.Danger))],
        }, cancellationToken);
    }

    private async Task<string> CategoryAsync(InteractionContext context, ulong guildId, CancellationToken cancellationToken)
    {
        if ((context.MemberPermissions & (Permissions.ManageGuild | Permissions.Administrator)) == 0)
            return "Only members with the **Manage Server** permission can choose where private spaces go.";
        if (context.Data.GetId("category") is not { } category)
            return "Please pick a channel category.";
        await spaces.SetCategoryAsync(guildId, category, cancellationToken);
        return $"New private spaces will be created under <#{category.ToString(CultureInfo.InvariantCulture)}>.";
    }
}
