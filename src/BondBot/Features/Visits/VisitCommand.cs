using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Visits;

/// <summary><c>/visit set|clear|show</c>: the next time you see each other. Discord can't run a command that has
/// sub-commands on its own, so "just show it" is <c>/visit show</c>.</summary>
public sealed class VisitCommand(PairingService pairing, VisitService visits) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "visit",
        Description = "The next time you see each other: set it, show the countdown, or clear it",
        Options =
        [
            new CommandOption
            {
                Type = CommandOptionType.SubCommand, Name = "set", Description = "Set (or replace) your next visit, in your time zone",
                Options =
                [
                    new CommandOption { Type = CommandOptionType.String, Name = "date", Description = "First day together, like 2027-03-14", Required = true, MaxLength = 40 },
                    new CommandOption { Type = CommandOptionType.String, Name = "time", Description = "Arrival time, like 18:30 (optional)", MaxLength = 20 },
                    new CommandOption { Type = CommandOptionType.String, Name = "until", Description = "Last day together, like 2027-03-21 (optional)", MaxLength = 40 },
                ],
            },
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "show", Description = "Show your next visit and the countdown" },
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "clear", Description = "Remove your next visit (your partner is told)" },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairing, "A visit is for the two of you — pair up first with `/pair partner:@them`.", cancellationToken) is not { } pair)
            return;
        var reply = context.Data.SubCommand() switch
        {
            "set" => await SetAsync(context, pair, cancellationToken),
            "clear" => await ClearAsync(context, pair, cancellationToken),
            _ => await ShowAsync(context, pair, cancellationToken),
        };
        await context.ReplyPrivatelyAsync(reply, cancellationToken);
    }

    private async Task<string> SetAsync(InteractionContext context, Pair pair, CancellationToken cancellationToken)
    {
        var partnerId = pair.PartnerOf(context.UserId);
        var result = await visits.SetAsync(pair, context.UserId, context.Data.GetString("date"), context.Data.GetString("time"), context.Data.GetString("until"),
            visit => [OutboxItem.ToPartner(OutboxKinds.Visit, pair.PairId, partnerId, VisitCards.SetNotice(visit), $"visit:{visit.VisitId}")],
            cancellationToken);
        if (result is not VisitService.SetResult.Saved { Visit: var saved })
            return ((VisitService.SetResult.Refused)result).Why;
        var theirs = await visits.WhereAsync(partnerId, cancellationToken);
        return VisitCards.Saved(saved, partnerId, await visits.WhereAsync(context.UserId, cancellationToken), theirs);
    }

    private async Task<string> ClearAsync(InteractionContext context, Pair pair, CancellationToken cancellationToken)
    {
        var partnerId = pair.PartnerOf(context.UserId);
        var cleared = await visits.ClearAsync(pair, context.UserId,
            visit => [OutboxItem.ToPartner(OutboxKinds.VisitCleared, pair.PairId, partnerId, VisitCards.ClearNotice(visit, context.UserId), $"visit-cleared:{visit.VisitId}")],
            cancellationToken);
        return cleared is null
            ? "There's no visit set right now. `/visit set date:YYYY-MM-DD` adds one."
            : $"Cleared — I've let {PairingMessages.Mention(partnerId)} know. `/visit set` adds the next one whenever you know it.";
    }

    private async Task<string> ShowAsync(InteractionContext context, Pair pair, CancellationToken cancellationToken)
    {
        if (await visits.CurrentAsync(pair, context.UserId, cancellationToken) is not { } visit)
            return "No visit set yet. When you know the date, `/visit set date:YYYY-MM-DD` starts the countdown for you both.";
        var mine = await visits.WhereAsync(context.UserId, cancellationToken);
        return VisitCards.Shown(visit, mine, await visits.CountdownLineAsync(pair, context.UserId, cancellationToken));
    }
}
