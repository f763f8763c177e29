using System.Globalization;
using BondBot.Discord;
using BondBot.Discord.Gateway;
using BondBot.Discord.Interactions;
using BondBot.Discord.Rest;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Space;

/// <summary><c>/space open|close|category</c>: a text channel only the two partners and the bot can see.</summary>
public sealed class SpaceCommand(PairingService pairing, SpaceRepository spaces, DiscordRestClient rest, DiscordGatewayClient gateway, IClock clock) : ISlashCommand
{
    /// <summary>What each partner may do in their space.</summary>
    public const Permissions PartnerAllow = Permissions.ViewChannel | Permissions.SendMessages | Permissions.ReadMessageHistory | Permissions.AttachFiles | Permissions.AddReactions;
    /// <summary>What the bot needs there: to post embeds (reveals, cards) and attachments.</summary>
    public const Permissions BotAllow = Permissions.ViewChannel | Permissions.SendMessages | Permissions.ReadMessageHistory | Permissions.EmbedLinks | Permissions.AttachFiles;

    public const string MissingManageChannels =
        "I need the **Manage Channels** permission to create your private space. A server admin can grant it under " +
        "Server Settings → Roles → BondBot → Manage Channels, then try `/space open` again.";

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "space",
        Description = "A private channel just for you and your partner",
        Contexts = [0],
        Options =
        [
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "open", Description = "Open a private channel only the two of you can see" },
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
        var reply = context.Data.SubCommand() switch
        {
            "open" => await OpenAsync(context, guildId, cancellationToken),
            "close" => null,
            "category" => await CategoryAsync(context, guildId, cancellationToken),
            _ => "Use `/space open`, `/space close` or `/space category`.",
        };
        if (reply is not null)
            await context.ReplyPrivatelyAsync(reply, cancellationToken);
        else
            await CloseAsync(context, cancellationToken);
    }

    private async Task<string> OpenAsync(InteractionContext context, ulong guildId, CancellationToken cancellationToken)
    {
        if (await pairing.GetActivePairAsync(context.UserId, cancellationToken) is not { } pair)
            return "Pair up first with `/pair partner:@them`; a space is for the two of you.";
        if (await spaces.ForPairAsync(pair.PairId, cancellationToken) is { } existing)
            return $"You already have a private space: <#{existing.ChannelId}>.";
        var app = context.Interaction.AppPermissions ?? Permissions.None;
        if ((app & (Permissions.ManageChannels | Permissions.Administrator)) == 0)
            return MissingManageChannels;
        var partnerId = pair.PartnerOf(context.UserId);
        if (await rest.GetGuildMemberAsync(guildId, partnerId, cancellationToken) is not { } partner)
            return $"{PairingMessages.Mention(partnerId)} isn't a member of this server. A space needs both of you here.";

        var botId = gateway.CurrentUser?.Id ?? throw new InvalidOperationException("The bot user is not known before READY.");
        Channel channel;
        try
        {
            channel = await rest.CreateGuildChannelAsync(guildId, new CreateGuildChannelRequest
            {
                Name = ChannelName(context.User.Username, partner.User?.Username ?? "partner"),
                Topic = "A private space for two. Only the two of you and BondBot can see it.",
                ParentId = await spaces.CategoryAsync(guildId, cancellationToken),
                PermissionOverwrites =
                [
                    new PermissionOverwrite { Id = guildId, Type = OverwriteType.Role, Deny = Permissions.ViewChannel },
                    new PermissionOverwrite { Id = pair.UserA, Type = OverwriteType.Member, Allow = PartnerAllow },
                    new PermissionOverwrite { Id = pair.UserB, Type = OverwriteType.Member, Allow = PartnerAllow },
                    new PermissionOverwrite { Id = botId, Type = OverwriteType.Member, Allow = BotAllow },
                ],
            }, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.MissingPermissions)
        {
            return MissingManageChannels;
        }
        if (!await spaces.AddAsync(pair.PairId, guildId, channel.Id, clock.GetCurrentInstant(), cancellationToken))
        {
            await rest.DeleteChannelAsync(channel.Id, cancellationToken);   // a second click raced the first
            return "Your private space already exists.";
        }
        await rest.CreateMessageAsync(channel.Id, new MessagePayload
        {
            Content = $"💞 Welcome, {PairingMessages.Mention(pair.UserA)} and {PairingMessages.Mention(pair.UserB)}. Only the two of you (and BondBot) can see this channel. " +
                      "Reveals, check-in cards and appreciation notes will arrive here; your daily prompts still come to your DMs at your own time.",
            AllowedMentions = AllowedMentions.OnlyUsers(pair.UserA, pair.UserB),
        }, cancellationToken: cancellationToken);
        return $"Your private space is ready: <#{channel.Id}>.";
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
            Content = $"Delete your private space <#{space.ChannelId}>? Its messages go with it; BondBot will send things by DM again.",
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

    /// <summary>Discord text channel names are lower case with no spaces; keep letters, digits and dashes.</summary>
    public static string ChannelName(string a, string b)
    {
        static string Clean(string name)
        {
            var kept = new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            return kept.Length == 0 ? "partner" : kept[..Math.Min(kept.Length, 40)];
        }
        return $"{Clean(a)}-and-{Clean(b)}";
    }
}
