using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Pairing;
using BondBot.Features.Scheduling;
using BondBot.Features.Settings;
using BondBot.Interactions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace BondBot.Features.Clocks;

/// <summary><c>/us</c>: the two of you at a glance, only for the one who asked. Other features add lines through
/// <see cref="IUsLine"/> (none of them is known here).</summary>
public sealed class UsCommand(PairingService pairing, UserSettingsRepository settings, IOptions<SchedulerOptions> options, IClock clock,
    IEnumerable<IUsLine> extras) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "us",
        Description = "Both your local times, how far apart you are, and when you're both awake",
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairing, "`/us` shows the two of you side by side — pair up first with `/pair partner:@them`.", cancellationToken) is not { } pair)
            return;
        var me = await settings.GetAsync(context.UserId, cancellationToken);
        var partner = await settings.GetAsync(pair.PartnerOf(context.UserId), cancellationToken);
        var lines = UsCard.Lines(pair, me, partner, clock.GetCurrentInstant(), options.Value.QuietStart, options.Value.QuietEnd);
        foreach (var extra in extras.OrderBy(e => e.Order))
            if (await extra.LineAsync(pair, context.UserId, cancellationToken) is { Length: > 0 } line)
                lines.Add(line);
        await context.ReplyPrivatelyAsync(new MessagePayload
        {
            Content = DiscordLimits.Truncate(string.Join('\n', lines), DiscordLimits.Content),
            AllowedMentions = AllowedMentions.None,
        }, cancellationToken);
    }
}
