using System.Text;
using BondBot.Discord;
using BondBot.Features.Appreciation;
using BondBot.Features.CheckIns;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using BondBot.Features.Settings;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Insights;

/// <summary><c>/insights</c>: the pair's journey at a glance, privately — streaks, how deep you've gone, moods over
/// 30 days (and, once there is enough to draw, a picture beside the text: 12 weeks of moods, the pulse month by month), appreciation this week and
/// last. Only the pair's own data, and only what has been revealed.</summary>
public sealed class InsightsCommand(
    PairingService pairing,
    CheckInService checkIns,
    Questions.RevealedCountsRepository revealed,
    AppreciationRepository notes,
    UserSettingsRepository settings,
    Pulse.PulseService pulse,
    Visits.VisitService visits,
    InsightsPicture picture,
    IClock clock) : ISlashCommand
{
    public const int MoodDays = 30;

    public ApplicationCommand Definition { get; } = new() { Name = "insights", Description = "Your journey together at a glance (only you see it)" };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairing, "Insights are about the two of you — pair up first with `/pair partner:@them`.", cancellationToken) is not { } pair)
            return;
        // Drawing the chart takes a noticeable moment on a cold start; a private "thinking…" keeps Discord's 3 seconds.
        await context.Responder.DeferAsync(ephemeral: true, cancellationToken);
        var zone = (await settings.GetAsync(context.UserId, cancellationToken)).Zone ?? DateTimeZone.Utc;
        var now = clock.GetCurrentInstant();
        var today = now.InZone(zone).Date;
        var streaks = await checkIns.StreaksAsync(pair, context.UserId, cancellationToken);
        var (depths, categories) = await revealed.RevealedAsync(pair.PairId, cancellationToken);
        var weekStart = today.PlusDays(-((int)today.DayOfWeek - 1));
        var thisWeek = await notes.CountSinceAsync(pair.PairId, zone.AtStartOfDay(weekStart).ToInstant(), cancellationToken);
        var sinceLastWeek = await notes.CountSinceAsync(pair.PairId, zone.AtStartOfDay(weekStart.PlusDays(-7)).ToInstant(), cancellationToken);

        var fields = new List<EmbedField>
        {
            new("Paired since", $"<t:{pair.CreatedAt.ToUnixTimeSeconds()}:D>", Inline: true),
            new("Streak", streaks is { Current: 0, Best: 0 }
                ? "Starts the first day you both check in"
                : $"{Plural.Of(streaks.Current, "day")} (best {Plural.Of(streaks.Best, "day")})", Inline: true),
            new("Answered together", Answered(depths, categories)),
            new($"Moods, last {MoodDays} days", await MoodsAsync(pair, context.UserId, today, cancellationToken)),
            new("Appreciation notes", sinceLastWeek == 0
                ? "None yet — `/appreciate` sends your partner a note"
                : $"{thisWeek} this week · {sinceLastWeek - thisWeek} last week", Inline: true),
            new("Closeness pulse", await pulse.InsightLinesAsync(context.UserId, pair, cancellationToken) ?? "Not answered this month yet — `/pulse` takes a minute."),
        };
        // Only pairs who have had a visit see the line: for everyone else "none yet" would be noise.
        if (await visits.InsightLineAsync(pair, context.UserId, cancellationToken) is { } visitLine)
            fields.Add(new EmbedField("Visits", visitLine, Inline: true));
        var message = new MessagePayload
        {
            Embeds = [new Embed { Title = "🌱 Your journey together", Fields = fields, Color = 0x2ECC71, Footer = new EmbedFooter("Only the two of you count here, and only answers you've both revealed.") }],
        };
        if (await picture.ForAsync(pair, context.UserId, today, cancellationToken) is { } chart)
            await context.ReplyPrivatelyAsync(message, [chart], cancellationToken);
        else
            await context.ReplyPrivatelyAsync(message, cancellationToken);
    }

    private static string Answered(IReadOnlyList<RevealedCountsRepository.DepthCount> depths, IReadOnlyList<RevealedCountsRepository.CategoryCount> categories)
    {
        var total = depths.Sum(d => d.Count);
        if (total == 0)
            return "No questions revealed yet — `/question` starts one.";
        var byDepth = string.Join(" · ", depths.Select(d => $"{QuestionCategory.DepthName(d.Depth)} {d.Count}"));
        var top = string.Join(", ", categories.Take(4).Select(c => $"{QuestionCategory.Find(c.Category)?.Name ?? c.Category} {c.Count}"));
        return DiscordLimits.Truncate($"{Plural.Of(total, "question")} · {byDepth}\nMost explored: {top}", DiscordLimits.EmbedFieldValue);
    }

    /// <summary>Days of check-ins before a mood line says anything; until then, a count and when the line appears.</summary>
    public const int MoodLineAfter = 3;

    // Your own moods within this pair, and your partner's only as far as their check-ins were shared with you.
    private async Task<string> MoodsAsync(Pair pair, ulong viewerId, LocalDate today, CancellationToken cancellationToken)
    {
        var from = today.PlusDays(-(MoodDays - 1));
        var lines = new StringBuilder();
        foreach (var userId in new[] { pair.UserA, pair.UserB })
        {
            var moods = await checkIns.MoodsAsync(pair, userId, viewerId, from, today, cancellationToken);
            if (moods.Count < MoodLineAfter)
            {
                var none = userId == viewerId ? "no check-ins yet" : "no check-ins shared yet";
                lines.Append($"<@{userId}> {(moods.Count == 0 ? none : Plural.Of(moods.Count, "check-in") + " so far")} — the line appears after three\n");
                continue;
            }
            var row = Enumerable.Range(0, MoodDays).Select(i => moods.TryGetValue(from.PlusDays(i), out var m) ? m : (int?)null).ToList();
            lines.Append($"<@{userId}> `{Sparkline.Render(row)}`\n");
        }
        return lines.ToString().TrimEnd();
    }
}
