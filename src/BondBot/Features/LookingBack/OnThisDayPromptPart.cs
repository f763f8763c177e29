using BondBot.Features.Couple;
using BondBot.Features.Delivery;
using BondBot.Features.Scheduling;
using NodaTime;

namespace BondBot.Features.LookingBack;

/// <summary>
/// On this day: at most once a week per pair, a question the pair revealed at least <see cref="AtLeast"/> ago comes back
/// in each partner's daily prompt with both old answers (the same one for both of them that week).
/// Its own short DM after today's question rather than a line on the check-in: the old answers need room (two of up
/// to 1500 characters), the check-in DM is rewritten to show the entry once saved (a line there would vanish with
/// its "Ask it again" button), and every other daily part is its own message with its own action too.
/// </summary>
public sealed class OnThisDayPromptPart(OnThisDayRepository lookingBack, CoupleSettingsRepository couples, DirectMessenger dms, IClock clock) : IPromptPart
{
    public static readonly Duration AtLeast = Duration.FromDays(60);

    public int Order => 15;

    public async Task<PromptPartOutcome> SendAsync(DailyPrompt prompt, CancellationToken cancellationToken)
    {
        if (prompt.Pair is not { } pair || !(await couples.GetAsync(pair.PairId, cancellationToken)).LooksBack)
            return PromptPartOutcome.Nothing;
        var now = clock.GetCurrentInstant();
        if (await lookingBack.ForPromptAsync(pair.PairId, prompt.UserId, prompt.LocalDate, now, now - AtLeast, cancellationToken) is not { } roundId
            || await lookingBack.RevealedAsync(pair.PairId, roundId, cancellationToken) is not { } old)
            return PromptPartOutcome.Nothing;
        var sent = await dms.SendAsync(prompt.UserId, OnThisDayCards.Card(roundId, old) with { Nonce = prompt.NonceFor("on-this-day") }, cancellationToken);
        return sent is null ? PromptPartOutcome.Closed : PromptPartOutcome.Sent(sent.Id);
    }
}
