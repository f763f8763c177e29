using BondBot.Discord;
using BondBot.Discord.Rest;
using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary>Shares a check-in with the partner once a day: the first time as a new card, afterwards by editing it.</summary>
public sealed class CheckInSharing(CheckInRepository checkIns, Space.PairDelivery delivery, Pairing.PairingRepository pairs, DiscordRestClient rest)
{
    public async Task ShareAsync(ulong userId, ulong partnerId, LocalDate date, CancellationToken cancellationToken)
    {
        if (await checkIns.GetAsync(userId, date, cancellationToken) is not { } checkIn)
            return;
        var card = CheckInCards.PartnerCard(checkIn);
        if (checkIn is { SharedChannelId: { } channel, SharedMessageId: { } message })
        {
            try
            {
                await rest.EditMessageAsync(channel, message, card, cancellationToken);
                return;
            }
            catch (DiscordApiException e) when (e.Code is DiscordErrorCode.UnknownMessage or DiscordErrorCode.UnknownChannel)
            {
                // The card was deleted: send a new one below.
            }
        }
        if (await pairs.GetActivePairAsync(userId, cancellationToken) is { } pair
            && await delivery.SendToAsync(pair, partnerId, card, cancellationToken) is { } sent)
            await checkIns.SetSharedAsync(userId, date, sent.ChannelId, sent.Id, cancellationToken);
    }
}
