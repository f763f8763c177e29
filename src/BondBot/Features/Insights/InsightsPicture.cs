using System.Globalization;
using BondBot.Discord;
using BondBot.Features.CheckIns;
using BondBot.Features.Pairing;
using BondBot.Features.Pulse;
using BondBot.Interactions;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.Insights;

/// <summary>
/// The picture beside the <c>/insights</c> text, from the same data as the text: both moods over the last 12 weeks
/// with a strip of the days both checked in (the viewer's own moods in this pair, the partner's only where shared with
/// the viewer), and under it the closeness pulse month by month (the partner's beside the viewer's only for months
/// both answered). Nothing while there is too little to draw (the text already says when the line appears).
/// </summary>
public sealed class InsightsPicture(CheckInService checkIns, PulseService pulse)
{
    public const int Weeks = 12;
    public const int Days = Weeks * 7;
    public const string FileName = "insights.png";

    public async Task<FileUpload?> ForAsync(Pair pair, ulong viewerId, LocalDate today, CancellationToken cancellationToken)
    {
        var from = today.PlusDays(-(Days - 1));
        var partnerId = pair.PartnerOf(viewerId);
        var you = Row(await checkIns.MoodsAsync(pair, viewerId, viewerId, from, today, cancellationToken), from);
        var partner = Row(await checkIns.MoodsAsync(pair, partnerId, viewerId, from, today, cancellationToken), from);
        var months = (await pulse.HistoryAsync(viewerId, pair, PulseGrid.MaxMonths, cancellationToken))
            .Select(m => new PulseMonth(MonthLabel(m.Month), Values(m.Mine), m.Partner is { } p ? Values(p) : null)).ToList();

        var moods = new MoodChartData(from, you, partner);
        if (Draw(moods, months) is not { } png)
            return null;
        var words = new List<string>();
        if (MoodChart.Drawable(you) || MoodChart.Drawable(partner))
            words.Add(MoodWords(you, partner));
        if (months.Count > 0)
            words.Add(PulseWords(months));
        return new FileUpload(FileName, png, "image/png", DiscordLimits.Truncate(string.Join(" ", words), 1024));
    }

    /// <summary>The picture as PNG: the mood chart when either line can be drawn, the pulse grid under it when there is
    /// a month; null when neither. Pure (the render check and the benchmark draw it from sample data).</summary>
    public static byte[]? Draw(MoodChartData moods, IReadOnlyList<PulseMonth> months)
    {
        var parts = new List<(ScottPlot.Plot, int)>();
        if (MoodChart.Drawable(moods.You) || MoodChart.Drawable(moods.Partner))
            parts.Add((MoodChart.Build(moods), MoodChart.Height));
        if (months.Count > 0)
            parts.Add((PulseGrid.Build(PulseDimension.All.Select(d => d.Name).ToList(), months), PulseGrid.Height));
        return parts.Count == 0 ? null : PictureStack.Png(parts, MoodChart.Width);
    }

    private static List<int?> Row(IReadOnlyDictionary<LocalDate, int> moods, LocalDate from) =>
        Enumerable.Range(0, Days).Select(i => moods.TryGetValue(from.PlusDays(i), out var m) ? m : (int?)null).ToList();

    private static List<int> Values(PulseRepository.Ratings ratings) => ratings.Values.Select(v => (int)v!.Value).ToList();

    private static string MonthLabel(string month) =>
        YearMonthPattern.Iso.Parse(month) is { Success: true } parsed ? parsed.Value.ToString("MMM yyyy", CultureInfo.InvariantCulture) : month;

    /// <summary>What the mood part shows, in words, for screen readers (Discord's attachment description, ≤ 1024).</summary>
    public static string MoodWords(IReadOnlyList<int?> you, IReadOnlyList<int?> partner) =>
        $"Mood over the last {Weeks} weeks, from 1 (low) to 5 (great): you {Summary(you, "checked in")}; " +
        $"your partner {Summary(partner, "shared")}; you both checked in on " +
        $"{Plural.Of(Enumerable.Range(0, you.Count).Count(i => you[i] is not null && partner[i] is not null), "day")}.";

    /// <summary>The pulse part in words: the latest month's ratings, area by area, yours and (when in) your partner's.</summary>
    public static string PulseWords(IReadOnlyList<PulseMonth> months)
    {
        var latest = months[^1];
        var areas = PulseDimension.All.Select((d, i) => latest.Partner is { } p ? $"{d.Name} {latest.You[i]} and {p[i]}" : $"{d.Name} {latest.You[i]}");
        return $"Closeness pulse over {Plural.Of(months.Count, "month")}; in {latest.Label} " +
               (latest.Partner is null ? "you rated " : "you and your partner rated ") + string.Join(", ", areas) + ".";
    }

    private static string Summary(IReadOnlyList<int?> moods, string verb)
    {
        var days = moods.OfType<int>().ToList();
        if (!MoodChart.Drawable(moods))
            return $"{verb} on {Plural.Of(days.Count, "day")}, not enough for a line yet";
        var average = days.Average().ToString("0.0", CultureInfo.InvariantCulture);
        return $"{verb} on {Plural.Of(days.Count, "day")}, averaging {average}, most recently {days[^1]}";
    }
}
