using BondBot.Discord;
using BondBot.Interactions;

namespace BondBot.Features.CheckIns;

/// <summary><c>/checkin</c>: today's check-in on demand (the scheduler sends the same prompt at your own time); once
/// the day's check-in is saved, it shows that entry with <b>Change</b> instead of fresh mood buttons.</summary>
public sealed class CheckInCommand(CheckInService checkIns, CheckInPrompts prompts, CheckInAudiences audiences) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new() { Name = "checkin", Description = "Do today's short check-in: your mood and three optional questions" };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var today = await checkIns.TodayAsync(context.UserId, cancellationToken);
        var saved = await checkIns.GetAsync(context.UserId, today, cancellationToken);
        await context.ReplyPrivatelyAsync(saved is null ? CheckInCards.Prompt(today, prompts.For(today), await audiences.ForAsync(context.UserId, cancellationToken)) : CheckInCards.CheckedIn(saved, "You've checked in today:"), cancellationToken);
    }
}

/// <summary>A mood button. On a day without a check-in it opens the three-question modal and stores the mood at once
/// (nothing is lost if the modal is closed). On a day already checked in, a plain mood button (an older prompt) turns
/// into the saved entry and changes nothing; only the buttons behind <b>Change</b> change the mood, with the modal
/// pre-filled.</summary>
public sealed class MoodButtonHandler(CheckInService checkIns, CheckInPrompts prompts, CheckInAudiences audiences, IEnumerable<IMoodObserver> observers) : IComponentHandler
{
    public string Prefix => CheckInCards.MoodPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var mood = customId.LongAt(0);
        var date = CheckInCards.ParseDate(customId.At(1));
        if (mood is not (>= 1 and <= 5) || date is null)
        {
            await context.ReplyPrivatelyAsync("That check-in button doesn't look right. Use `/checkin` for a fresh one.", cancellationToken);
            return;
        }
        if (!await checkIns.IsOpenDayAsync(context.UserId, date.Value, cancellationToken))
        {
            await CheckInButtons.ShowTodayInsteadAsync(context, checkIns, prompts, audiences, cancellationToken);
            return;
        }
        var saved = await checkIns.GetAsync(context.UserId, date.Value, cancellationToken);
        if (saved is not null && customId.At(2) != CheckInCards.ChangeFlag)
        {
            await context.Responder.UpdateMessageAsync(CheckInCards.CheckedIn(saved, "You've already checked in today — here's what you saved."), cancellationToken);
            return;
        }
        // The modal goes first (it must be the first response, within the deadline even if the database is busy);
        // the mood is stored right after, so closing the modal loses nothing.
        var audience = await audiences.ForAsync(context.UserId, cancellationToken);
        await context.Responder.ShowModalAsync(CheckInForm.For(date.Value, (int)mood, prompts.For(date.Value), audience, saved), cancellationToken);
        await checkIns.RecordMoodAsync(context.UserId, (int)mood, date, cancellationToken);
        foreach (var observer in observers)
            await observer.MoodRecordedAsync(context.UserId, date.Value, cancellationToken);
    }
}

/// <summary><b>Change</b> on a saved check-in: the same message shows the mood buttons again, in change mode.</summary>
public sealed class ChangeCheckInHandler(CheckInService checkIns, CheckInPrompts prompts, CheckInAudiences audiences) : IComponentHandler
{
    public string Prefix => CheckInCards.ChangePrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        if (CheckInCards.ParseDate(customId.At(0)) is not { } date || !await checkIns.IsOpenDayAsync(context.UserId, date, cancellationToken))
        {
            await CheckInButtons.ShowTodayInsteadAsync(context, checkIns, prompts, audiences, cancellationToken);
            return;
        }
        await context.Responder.UpdateMessageAsync(CheckInCards.ChangePrompt(date), cancellationToken);
    }
}

/// <summary>What a button for a day that is no longer open answers: today's check-in (or today's entry) instead.</summary>
internal static class CheckInButtons
{
    public static async Task ShowTodayInsteadAsync(InteractionContext context, CheckInService checkIns, CheckInPrompts prompts, CheckInAudiences audiences,
        CancellationToken cancellationToken)
    {
        var today = await checkIns.TodayAsync(context.UserId, cancellationToken);
        await context.ReplyPrivatelyAsync(await checkIns.GetAsync(context.UserId, today, cancellationToken) is { } saved
            ? CheckInCards.CheckedIn(saved, "That check-in was for an earlier day. Today you've already checked in:")
            : CheckInCards.Prompt(today, prompts.For(today), await audiences.ForAsync(context.UserId, cancellationToken),
                "That check-in was for an earlier day — here's today's."), cancellationToken);
    }
}
