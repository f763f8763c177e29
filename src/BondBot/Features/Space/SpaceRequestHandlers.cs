using BondBot.Discord;
using BondBot.Discord.Gateway;
using BondBot.Features.Delivery;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Space;

/// <summary>The partner's answer to a space request: "Open our space" creates it, "Not now" drops the request. Only
/// the partner who was asked can answer, and only while the pair is together.</summary>
public abstract class SpaceRequestHandler(PairingService pairing, SpaceRepository spaces) : IComponentHandler
{
    public abstract string Prefix { get; }

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var request = pair is not null && customId.LongAt(0) == pair.PairId ? await spaces.RequestAsync(pair.PairId, cancellationToken) : null;
        if (pair is null || request is null || request.RequestedBy == context.UserId)
        {
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered("This request isn't open any more."), cancellationToken);
            return;
        }
        await AnswerAsync(context, pair, request, cancellationToken);
    }

    protected abstract Task AnswerAsync(InteractionContext context, Pair pair, SpaceRepository.Request request, CancellationToken cancellationToken);

    public sealed class Agree(PairingService pairing, SpaceRepository spaces, GuildChannels guild, ChannelMessenger channels, DiscordGatewayClient gateway,
        Switches.IServerFeatures features, IClock clock)
        : SpaceRequestHandler(pairing, spaces)
    {
        /// <summary>What each partner may do in their space.</summary>
        public const Permissions PartnerAllow = Permissions.ViewChannel | Permissions.SendMessages | Permissions.ReadMessageHistory | Permissions.AttachFiles | Permissions.AddReactions;
        /// <summary>What the bot needs there: to post embeds (reveals, cards) and attachments.</summary>
        public const Permissions BotAllow = Permissions.ViewChannel | Permissions.SendMessages | Permissions.ReadMessageHistory | Permissions.EmbedLinks | Permissions.AttachFiles;

        private readonly SpaceRepository _spaces = spaces;

        public override string Prefix => SpaceMessages.AgreePrefix;

        protected override async Task AnswerAsync(InteractionContext context, Pair pair, SpaceRepository.Request request, CancellationToken cancellationToken)
        {
            var botId = gateway.CurrentUser?.Id ?? throw new InvalidOperationException("The bot user is not known before READY.");
            // Switched off between the request and the answer: nothing is created.
            if (!await features.IsOnAsync(request.GuildId, Switches.ServerFeature.Spaces, cancellationToken))
            {
                await context.Responder.UpdateMessageAsync(PairingMessages.Answered(SpaceMessages.SwitchedOff), cancellationToken);
                return;
            }
            // Creating a channel waits on the guild's bucket: acknowledge (a silent update) before it.
            await context.Responder.DeferAsync(ephemeral: true, cancellationToken);
            Channel channel;
            try
            {
                channel = await guild.CreateAsync(request.GuildId, new CreateGuildChannelRequest
                {
                    Name = ChannelName((await guild.MemberAsync(request.GuildId, request.RequestedBy, cancellationToken))?.User?.Username ?? "partner", context.User.Username),
                    Topic = "A private space for two. Only the two of you, BondBot and this server's admins can see it.",
                    ParentId = await _spaces.CategoryAsync(request.GuildId, cancellationToken),
                    PermissionOverwrites =
                    [
                        new PermissionOverwrite { Id = request.GuildId, Type = OverwriteType.Role, Deny = Permissions.ViewChannel },
                        new PermissionOverwrite { Id = pair.UserA, Type = OverwriteType.Member, Allow = PartnerAllow },
                        new PermissionOverwrite { Id = pair.UserB, Type = OverwriteType.Member, Allow = PartnerAllow },
                        new PermissionOverwrite { Id = botId, Type = OverwriteType.Member, Allow = BotAllow },
                    ],
                }, cancellationToken);
            }
            catch (DiscordApiException e) when (e.Code is DiscordErrorCode.MissingPermissions or DiscordErrorCode.MissingAccess or DiscordErrorCode.UnknownGuild)
            {
                await context.ReplyPrivatelyAsync(SpaceMessages.MissingManageChannels, cancellationToken);
                return;
            }
            var ready = $"Your private space is ready: <#{channel.Id}>. {SpaceMessages.WhoCanSee}";
            if (!await _spaces.AddAsync(pair.PairId, request.GuildId, channel.Id, clock.GetCurrentInstant(),
                    [OutboxItem.ToPerson(OutboxKinds.SpaceNotice, request.RequestedBy, SpaceMessages.Note($"{PairingMessages.Mention(context.UserId)} agreed. {ready}"), $"space-ready:{channel.Id}")],
                    cancellationToken))
            {
                await guild.DeleteAsync(channel.Id, cancellationToken);   // a second click raced the first
                await context.Responder.UpdateMessageAsync(PairingMessages.Answered("Your private space already exists."), cancellationToken);
                return;
            }
            await channels.PostAsync(channel.Id, SpaceMessages.Welcome(pair), cancellationToken);
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered(ready), cancellationToken);
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

    public sealed class NotNow(PairingService pairing, SpaceRepository spaces) : SpaceRequestHandler(pairing, spaces)
    {
        private readonly SpaceRepository _spaces = spaces;

        public override string Prefix => SpaceMessages.NotNowPrefix;

        protected override async Task AnswerAsync(InteractionContext context, Pair pair, SpaceRepository.Request request, CancellationToken cancellationToken)
        {
            await _spaces.DropRequestAsync(pair.PairId,
                [OutboxItem.ToPerson(OutboxKinds.SpaceNotice, request.RequestedBy, SpaceMessages.Note(
                    $"{PairingMessages.Mention(context.UserId)} would rather not open a private space right now. Your reveals and cards keep coming by DM."),
                    $"space-notnow:{pair.PairId}:{request.RequestedBy}")],
                cancellationToken);
            await context.Responder.UpdateMessageAsync(PairingMessages.Answered("No space was opened. Everything keeps coming by DM. 💛"), cancellationToken);
        }
    }
}
