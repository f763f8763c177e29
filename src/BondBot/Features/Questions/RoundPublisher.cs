using BondBot.Discord;
using BondBot.Features.Delivery;
using BondBot.Features.Pairing;
using Microsoft.Extensions.Logging;

namespace BondBot.Features.Questions;

/// <summary>Posts question cards and keeps every copy's status current. (Reveals go through the outbox.)</summary>
public sealed class RoundPublisher(
    ChannelMessenger channels,
    DirectMessenger dms,
    RoundRepository rounds,
    RoundCardRepository cards,
    ILogger<RoundPublisher> logger)
{
    /// <summary>Posts the card in a channel; false when the bot may not post there.</summary>
    public async Task<bool> PostAsync(Round round, Pair pair, ulong channelId, CancellationToken cancellationToken)
    {
        try
        {
            var message = await channels.PostAsync(channelId, await CardAsync(round, pair, cancellationToken), cancellationToken);
            await cards.AddAsync(round.RoundId, channelId, message.Id, cancellationToken);
            return true;
        }
        catch (DiscordApiException e) when (e.Code is DiscordErrorCode.MissingPermissions or DiscordErrorCode.MissingAccess or DiscordErrorCode.UnknownChannel)
        {
            logger.LogInformation("Cannot post a question card in channel {ChannelId} ({Code})", channelId, e.Code);
            return false;
        }
    }

    /// <summary>DMs the card to one partner; false when their DMs are closed.</summary>
    public async Task<bool> SendToAsync(ulong userId, Round round, Pair pair, CancellationToken cancellationToken)
    {
        var message = await dms.SendAsync(userId, await CardAsync(round, pair, cancellationToken), cancellationToken);
        if (message is null)
            return false;
        await cards.AddAsync(round.RoundId, message.ChannelId, message.Id, cancellationToken);
        return true;
    }

    public async Task RecordAsync(long roundId, ulong channelId, ulong messageId, CancellationToken cancellationToken) =>
        await cards.AddAsync(roundId, channelId, messageId, cancellationToken);

    public async Task<MessagePayload> CardAsync(Round round, Pair pair, CancellationToken cancellationToken) =>
        QuestionCards.Card(round, pair, await rounds.GetAnsweredUsersAsync(round.RoundId, cancellationToken));

    /// <summary>A swap: every copy of the old round's card (but the one the swap was pressed on, already updated) becomes
    /// the new round's card, so both partners see the new question wherever their card is.</summary>
    public async Task SwapAsync(long oldRoundId, Round next, Pair pair, ulong? exceptMessageId, CancellationToken cancellationToken)
    {
        // Swaps pressed in quick succession run side by side: when the new round was itself swapped while its copies
        // were being moved, they move on to the round that is open now (a bounded chase, one step per swap).
        for (var step = 0; step < 10; step++)
        {
            var card = await CardAsync(next, pair, cancellationToken);
            foreach (var (channelId, messageId) in await cards.ListAsync(oldRoundId, cancellationToken))
            {
                if (messageId == exceptMessageId) continue;
                if (await TryEditAsync(channelId, messageId, card, cancellationToken))
                    await cards.AddAsync(next.RoundId, channelId, messageId, cancellationToken);
            }
            if (await rounds.GetAsync(next.RoundId, cancellationToken) is not { Status: "replaced" }
                || await rounds.GetOpenAsync(pair.PairId, cancellationToken) is not { } current)
                return;
            (oldRoundId, next, exceptMessageId) = (next.RoundId, current, null);
        }
    }

    /// <summary>Refreshes every posted copy of the round's card; a copy that cannot be edited any more is skipped.</summary>
    public async Task RefreshAsync(long roundId, Pair pair, ulong? exceptMessageId, CancellationToken cancellationToken)
    {
        var round = await rounds.GetAsync(roundId, cancellationToken);
        if (round is null) return;
        var card = await CardAsync(round, pair, cancellationToken);
        foreach (var (channelId, messageId) in await cards.ListAsync(roundId, cancellationToken))
        {
            if (messageId != exceptMessageId)
                await TryEditAsync(channelId, messageId, card, cancellationToken);
        }
    }

    private async Task<bool> TryEditAsync(ulong channelId, ulong messageId, MessagePayload card, CancellationToken cancellationToken)
    {
        try
        {
            await channels.EditAsync(channelId, messageId, card, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is DiscordApiException or DiscordUnavailableException or DiscordRateLimitedException)
        {
            // A card's status line is cosmetic: it must never stand in the way of saving or revealing answers.
            logger.LogInformation("Question card {MessageId} could not be refreshed ({Error})", messageId, e.GetType().Name);
            return false;
        }
    }
}
