using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Features.Settings;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Repair;

/// <summary>Take a pause: choose how long, then see the return time in your own and your partner's local time, with a
/// self-soothing idea. Only <b>Let them know</b> tells the partner anything.</summary>
public sealed class PauseHandler : IComponentHandler
{
    public const string ForPrefix = "rp.pause.for";

    public string Prefix => RepairCards.PausePrefix;

    public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
        context.Responder.UpdateMessageAsync(new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = "🌿 Take a pause",
                    Description = "A break of twenty minutes or more gives a racing heart time to settle, and saying when you'll be back " +
                                  "keeps a pause from feeling like walking away. How long do you need?",
                    Color = RepairCards.Colour,
                },
            ],
            Components = [Component.Row([.. RepairWords.PauseMinutes.Select(m => Component.Button(CustomId.Create(ForPrefix, m), RepairWords.PauseLabel(m)))])],
        }, cancellationToken);
}

/// <summary>A pause length chosen: the return time for both of you, kept as a private draft until Let them know.</summary>
public sealed class PauseForHandler(PairingService pairing, SettingsService settings, RepairRepository drafts, RepairDeck deck, IClock clock) : IComponentHandler
{
    public string Prefix => PauseHandler.ForPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        if (customId.LongAt(0) is not { } minutes || !RepairWords.PauseMinutes.Contains((int)minutes))
        {
            await context.ReplyPrivatelyAsync("That pause length doesn't look right — use `/repair` and pick one of the buttons.", cancellationToken);
            return;
        }
        var now = clock.GetCurrentInstant();
        var returnAt = now + Duration.FromMinutes(minutes);
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var partnerId = pair?.PartnerOf(context.UserId);
        var own = (await settings.GetAsync(context.UserId, cancellationToken)).Zone;
        var theirs = partnerId is { } p ? (await settings.GetAsync(p, cancellationToken)).Zone : null;

        var lines = new List<string> { $"You'll be back around {When(returnAt, now, own, "your time")}." };
        if (partnerId is { } partner)
        {
            lines.Add(theirs is null
                ? $"<@{partner}> hasn't set a time zone, so for them it shows in Discord's own timestamp: {RepairWords.Timestamp(returnAt)}."
                : $"For <@{partner}> that's **{RepairWords.LocalTimeText(returnAt, now, theirs)}** their time ({theirs.Id}).");
            lines.Add("\n**Let them know** sends them a kind note with the time. **Just for me** sends nothing.");
        }
        else
            lines.Add("\nYou're not paired right now, so there's no one to tell — the time is just for you.");

        var buttons = new List<Component>();
        if (pair is not null)
        {
            var draftId = await drafts.CreateAsync(pair.PairId, context.UserId, partnerId, "pause", "", null, returnAt, now, cancellationToken);
            buttons.Add(Component.Button(CustomId.Create(SendHandler.SendPrefix, draftId), "Let them know 💌", ButtonStyle.Success));
            buttons.Add(Component.Button(CustomId.Create(SendHandler.KeepPrefix, draftId), "Just for me"));
        }
        await context.Responder.UpdateMessageAsync(new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = $"🌿 A {RepairWords.PauseLabel((int)minutes)} pause",
                    Description = string.Join('\n', lines),
                    Color = RepairCards.Colour,
                    Fields = [new EmbedField("While you wait", deck.Pick(RepairDeck.SelfSoothing, RepairDay.Of(clock), offset: (int)minutes).Text)],
                },
            ],
            Components = buttons.Count == 0 ? [] : [Component.Row([.. buttons])],
        }, cancellationToken);
    }

    /// <summary>"**14:30** your time (Europe/Berlin)", or Discord's timestamp alone when no zone is set.</summary>
    private static string When(Instant at, Instant now, DateTimeZone? zone, string whose) => zone is null
        ? $"{RepairWords.Timestamp(at)} (set your time zone with `/settings` to see it spelled out here)"
        : $"**{RepairWords.LocalTimeText(at, now, zone)}** {whose} ({zone.Id}) · {RepairWords.Timestamp(at)}";
}
