using BondBot.Discord.Interactions;
using BondBot.Interactions;

namespace BondBot.Features.CheckIns;

/// <summary>The check-in modal's submit: saves the three answers (the partner's card goes with them through the
/// outbox) and shows the saved entry with the streak.</summary>
public sealed class CheckInNotesHandler(CheckInService checkIns, CheckInAudiences audiences, DailyCheckInMessage prompts) : IComponentHandler
{
    public string Prefix => CheckInForm.Prefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var fields = context.Data.ModalFields();
        if (CheckInCards.ParseDate(customId.At(0)) is not { } date || customId.LongAt(1) is not (>= 1 and <= 5) || !await checkIns.IsOpenDayAsync(context.UserId, date, cancellationToken))
        {
            await context.ReplyPrivatelyAsync(TextBack.Format("That check-in form is out of date. Use `/checkin` to start today's.", fields.Values), cancellationToken);
            return;
        }
        var shown = (CheckInForm.Shown)(customId.LongAt(2) ?? 0) & (CheckInForm.Shown.Good | CheckInForm.Shown.Stress | CheckInForm.Shown.Need);
        var (saved, pair) = await checkIns.RecordNotesAsync(context.UserId, date, (int)customId.LongAt(1)!.Value, fields.GetValueOrDefault(CheckInForm.GoodField),
            fields.GetValueOrDefault(CheckInForm.StressField), fields.GetValueOrDefault(CheckInForm.NeedField), shown, cancellationToken);
        var streaks = pair is null ? (StreakCalculator.Streaks?)null : await checkIns.StreaksAsync(pair, context.UserId, cancellationToken);
        var audience = await audiences.ForAsync(pair, context.UserId, cancellationToken);
        var entry = CheckInCards.CheckedIn(saved, CheckInCards.Saved(audience, streaks));
        // A form opened from a message's button turns that message into the saved entry; one opened otherwise gets a
        // private reply. Either way the day's scheduled prompt, if it is another message, shows the entry too.
        if (context.Interaction.Message is { } source)
            await context.Responder.UpdateMessageAsync(entry, cancellationToken);
        else
            await context.ReplyPrivatelyAsync(entry, cancellationToken);
        await prompts.ShowSavedAsync(context.UserId, saved, except: context.Interaction.Message?.Id, cancellationToken);
    }
}
