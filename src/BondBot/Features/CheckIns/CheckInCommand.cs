using BondBot.Discord;
using BondBot.Interactions;

namespace BondBot.Features.CheckIns;

/// <summary><c>/checkin</c>: today's check-in on demand (the scheduler sends the same prompt at your own time).</summary>
public sealed class CheckInCommand(CheckInService checkIns) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new() { Name = "checkin", Description = "Do today's short check-in: your mood and three optional questions" };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var today = await checkIns.TodayAsync(context.UserId, cancellationToken);
        await context.ReplyPrivatelyAsync(CheckInCards.Prompt(today), cancellationToken);
    }
}

/// <summary>A mood button: opens the three-question modal and stores the mood at once (nothing is lost if the modal is closed).</summary>
public sealed class MoodButtonHandler(CheckInService checkIns, IEnumerable<IMoodObserver> observers) : IComponentHandler
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
            var today = await checkIns.TodayAsync(context.UserId, cancellationToken);
            await context.ReplyPrivatelyAsync(new MessagePayload
            {
                Embeds = [CheckInCards.PromptEmbed("That check-in was for an earlier day — here's today's.")],
                Components = [CheckInCards.MoodRow(today)],
            }, cancellationToken);
            return;
        }
        // The modal goes first (it must be the first response, within the deadline even if the database is busy);
        // the mood is stored right after, so closing the modal loses nothing.
        await context.Responder.ShowModalAsync(CheckInCards.NotesModal(date.Value, (int)mood), cancellationToken);
        await checkIns.RecordMoodAsync(context.UserId, (int)mood, date, cancellationToken);
        foreach (var observer in observers)
            await observer.MoodRecordedAsync(context.UserId, date.Value, cancellationToken);
    }
}
