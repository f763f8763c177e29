using BondBot.Features.Delivery;

namespace BondBot.Features.CheckIns;

/// <summary>The day's scheduled check-in DM. Once the day's check-in is saved (from that DM, <c>/checkin</c>, or a
/// second device), the DM is edited to show the entry, so no live mood buttons are left that look unanswered.</summary>
public sealed class DailyCheckInMessage(PromptLedger ledger, DirectMessenger dms)
{
    public async Task ShowSavedAsync(ulong userId, CheckIn saved, ulong? except, CancellationToken cancellationToken)
    {
        if (await ledger.MessageIdAsync(userId, saved.LocalDate, PromptLedger.CheckInKind, cancellationToken) is not { } messageId || messageId == except)
            return;
        await dms.EditAsync(userId, messageId, CheckInCards.CheckedIn(saved), cancellationToken);
    }
}
