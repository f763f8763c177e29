using BondBot.Discord;
using BondBot.Features.Delivery;
using BondBot.Features.Pairing;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Care;

/// <summary>
/// After five check-ins in a row with a mood of 1 or 2, the person alone gets one kind private message suggesting they
/// talk with their partner and consider a counsellor, with the configured resources. At most once every 30 days.
/// BondBot is not therapy; this message says so.
/// </summary>
public sealed class CareService(
    CheckIns.CheckInRepository checkIns,
    PromptLedger ledger,
    PairingService pairing,
    DirectMessenger dms,
    IOptions<CareOptions> options,
    IClock clock) : CheckIns.IMoodObserver
{
    public const int LowMood = 2;
    public const int InARow = 5;
    public static readonly Duration Cooldown = Duration.FromDays(30);
    public const string CareKind = "care";

    public Task MoodRecordedAsync(ulong userId, LocalDate date, CancellationToken cancellationToken) => CheckAsync(userId, date, cancellationToken);

    public async Task<bool> CheckAsync(ulong userId, LocalDate today, CancellationToken cancellationToken)
    {
        var recent = await checkIns.LatestMoodsAsync(userId, InARow, cancellationToken);
        if (recent.Count < InARow || recent.Any(m => m > LowMood))
            return false;
        var now = clock.GetCurrentInstant();
        if (await ledger.LastAsync(userId, CareKind, cancellationToken) is { } sent && now - sent < Cooldown)
            return false;
        if (!await ledger.TryRecordAsync(userId, today, CareKind, "sent", now, cancellationToken))
            return false;
        var partner = (await pairing.GetActivePairAsync(userId, cancellationToken))?.PartnerOf(userId);
        await dms.SendAsync(userId, Message(partner, options.Value.EffectiveResources), cancellationToken);
        return true;
    }

    public static MessagePayload Message(ulong? partnerId, IReadOnlyList<string> resources)
    {
        var talk = partnerId is { } p
            ? $"It might help to tell {PairingMessages.Mention(p)} how you've been feeling — even a few words."
            : "It might help to tell someone you trust how you've been feeling — even a few words.";
        var list = resources.Count == 0 ? "" : "\n\n" + string.Join('\n', resources.Select(r => "• " + r));
        return new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = "💛 Checking in on you",
                    Description = DiscordLimits.Truncate(
                        "Your last few check-ins have been heavy days. You don't have to carry that alone. " + talk +
                        " Talking with a couples counsellor can help too, together or on your own. I'm a companion, not therapy, " +
                        "so here are some places to turn:" + list + "\n\nOnly you received this message.",
                        DiscordLimits.EmbedDescription),
                    Color = 0xF1C40F,
                },
            ],
        };
    }
}
