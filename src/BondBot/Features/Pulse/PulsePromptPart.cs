using BondBot.Discord;
using BondBot.Features.Delivery;
using BondBot.Features.Scheduling;
using NodaTime;

namespace BondBot.Features.Pulse;

/// <summary>The monthly closeness pulse is offered, as its own short message, on a paired person's first prompt of
/// each of their months.</summary>
public sealed class PulsePromptPart(DirectMessenger dms, PromptLedger ledger, IClock clock) : IPromptPart
{
    public int Order => 30;

    public async Task<PromptPartOutcome> SendAsync(DailyPrompt prompt, CancellationToken cancellationToken)
    {
        var firstOfMonth = new LocalDate(prompt.LocalDate.Year, prompt.LocalDate.Month, 1);
        if (prompt.Pair is null || await ledger.ExistsAsync(prompt.UserId, firstOfMonth, PromptLedger.PulseKind, cancellationToken))
            return PromptPartOutcome.Nothing;
        var sent = await dms.SendAsync(prompt.UserId, new MessagePayload
        {
            Content = "💗 It's a new month: how close have you felt lately? Six quick ratings, private until you've both answered.",
            Components = [PulseCards.OfferRow(NodaTime.Text.YearMonthPattern.Iso.Format(prompt.LocalDate.ToYearMonth()))],
            Nonce = prompt.NonceFor("pulse"),
        }, cancellationToken);
        if (sent is null)
            return PromptPartOutcome.Closed;
        await ledger.TryRecordAsync(prompt.UserId, firstOfMonth, PromptLedger.PulseKind, LedgerStatus.Sent, clock.GetCurrentInstant(), cancellationToken);
        return PromptPartOutcome.Sent(sent.Id);
    }
}
