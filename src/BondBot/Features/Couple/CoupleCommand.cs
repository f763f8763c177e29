using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Couple;

/// <summary><c>/couple [distance] [stage] [busy_days] [looking_back] [week_card]</c>: what the two of you choose about yourselves, chosen once by
/// either partner and shown to both; with no options it shows what is set and what is only guessed.</summary>
public sealed class CoupleCommand(PairingService pairing, CoupleSettingsRepository couples, CoupleProfiles profiles, IClock clock) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "couple",
        Description = "About the two of you: apart or together, new or established, busy days",
        Options =
        [
            new CommandOption
            {
                Type = CommandOptionType.String, Name = "distance", Description = "Where you live: long-distance questions and rituals follow it",
                Choices = [CommandChoice.Of("Apart (long distance)", "apart"), CommandChoice.Of("Together in one place", "together"), CommandChoice.Of("Sometimes apart", "sometimes")],
            },
            new CommandOption
            {
                Type = CommandOptionType.String, Name = "stage", Description = "New couples skip questions about shared history for a while",
                Choices = [CommandChoice.Of("We're new", "new"), CommandChoice.Of("We've been together a while", "established")],
            },
            new CommandOption
            {
                Type = CommandOptionType.String, Name = "busy_days", Description = "Days when questions should stay lighter",
                Choices = [CommandChoice.Of("No busy days", "none"), CommandChoice.Of("Weekdays", "weekdays"), CommandChoice.Of("Weekends", "weekends")],
            },
            new CommandOption
            {
                Type = CommandOptionType.String, Name = "looking_back", Description = "On this day: now and then bring back a question you answered months ago",
                Choices = [CommandChoice.Of("On", "on"), CommandChoice.Of("Off", "off")],
            },
            new CommandOption
            {
                Type = CommandOptionType.String, Name = "week_card", Description = "Your week together: a picture of your week on the ritual day",
                Choices = [CommandChoice.Of("On", "on"), CommandChoice.Of("Off", "off")],
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await pairing.GetActivePairAsync(context.UserId, cancellationToken) is not { } pair)
        {
            await context.ReplyPrivatelyAsync("These settings are for the two of you — pair up first with `/pair partner:@them`.", cancellationToken);
            return;
        }
        var changes = new CoupleSettings(
            CoupleWords.Parse<CoupleDistance>(context.Data.GetString("distance")),
            CoupleWords.Parse<CoupleStage>(context.Data.GetString("stage")),
            CoupleWords.Parse<BusyDays>(context.Data.GetString("busy_days")),
            CoupleWords.ParseSwitch(context.Data.GetString("looking_back")),
            CoupleWords.ParseSwitch(context.Data.GetString("week_card")));
        if (changes is { Distance: null, Stage: null, BusyDays: null, LookingBack: null, WeekCard: null })
        {
            await context.ReplyPrivatelyAsync(Describe(await couples.GetAsync(pair.PairId, cancellationToken), await profiles.ForAsync(pair, context.UserId, cancellationToken)), cancellationToken);
            return;
        }
        var partnerId = pair.PartnerOf(context.UserId);
        var saved = await couples.SaveAsync(pair.PairId, changes, clock.GetCurrentInstant(), s =>
            [OutboxItem.ToPartner(OutboxKinds.CoupleSettings, pair.PairId, partnerId,
                new MessagePayload { Content = $"{PairingMessages.Mention(context.UserId)} updated how BondBot sees the two of you. {Describe(s, null)}" })],
            cancellationToken);
        await context.ReplyPrivatelyAsync($"Saved ✅ {PairingMessages.Mention(partnerId)} is told too. " + Describe(saved, null), cancellationToken);
    }

    /// <summary>What is set, and (with a profile) what is only guessed and how to change it.</summary>
    public static string Describe(CoupleSettings chosen, CoupleProfile? profile)
    {
        var distance = chosen.Distance is { } d
            ? $"You live **{CoupleWords.Describe(d)}**."
            : profile is null ? "" : $"I'm guessing you live **{CoupleWords.Describe(profile.Distance)}** from your time zones — set it with `/couple distance:`.";
        var stage = chosen.Stage switch
        {
            CoupleStage.New => " You're a **new couple**: questions about shared history wait a while.",
            CoupleStage.Established => " You've been **together a while**: every question is open to you.",
            _ => profile?.Stage == CoupleStage.New ? " You paired recently, so questions about shared history wait a few weeks (`/couple stage:` changes that)." : "",
        };
        var busy = chosen.BusyDays is { } b and not BusyDays.None ? $" Questions stay lighter on **{CoupleWords.Key(b)}**." : "";
        // Shown in the summary even when never chosen (it is on by default); in a change notice only once chosen.
        var lookingBack = chosen.LookingBack is null && profile is null ? ""
            : chosen.LooksBack ? " **On this day** is on: now and then I bring back a question you answered months ago (`/couple looking_back:off` stops it)."
            : " **On this day** is off: I won't bring back old questions (`/couple looking_back:on` turns it on again).";
        var weekCard = chosen.WeekCard is null && profile is null ? ""
            : chosen.GetsWeekCard ? " **Your week together** is on: on the ritual day I send a picture of your week (`/couple week_card:off` stops it)."
            : " **Your week together** is off: no picture of your week (`/couple week_card:on` turns it on again).";
        return (distance + stage + busy + lookingBack + weekCard).Trim();
    }
}
