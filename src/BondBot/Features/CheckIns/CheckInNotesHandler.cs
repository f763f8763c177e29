using BondBot.Discord.Interactions;
using BondBot.Interactions;

namespace BondBot.Features.CheckIns;

/// <summary>The check-in modal's submit: saves the three answers (the partner's card goes with them through the
/// outbox) and shows the streak.</summary>
public sealed class CheckInNotesHandler(CheckInService checkIns) : IComponentHandler
{
    public string Prefix => CheckInCards.NotesPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var fields = context.Data.ModalFields();
        if (CheckInCards.ParseDate(customId.At(0)) is not { } date || customId.LongAt(1) is not (>= 1 and <= 5) || !await checkIns.IsOpenDayAsync(context.UserId, date, cancellationToken))
        {
            await context.ReplyPrivatelyAsync(TextBack.Format("That check-in form is out of date. Use `/checkin` to start today's.", fields.Values), cancellationToken);
            return;
        }
        var pair = await checkIns.RecordNotesAsync(context.UserId, date, (int)customId.LongAt(1)!.Value, fields.GetValueOrDefault(CheckInCards.GoodField),
            fields.GetValueOrDefault(CheckInCards.StressField), fields.GetValueOrDefault(CheckInCards.NeedField), cancellationToken);
        var streaks = pair is null ? (StreakCalculator.Streaks?)null : await checkIns.StreaksAsync(pair, context.UserId, cancellationToken);
        await context.ReplyPrivatelyAsync(CheckInCards.Saved(streaks), cancellationToken);
    }
}
