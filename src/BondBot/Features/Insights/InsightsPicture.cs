using System.Globalization;
using BondBot.Discord;
using BondBot.Features.CheckIns;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Insights;

/// <summary>
/// The picture beside the <c>/insights</c> text: both moods over the last 12 weeks and a strip of the days both checked
/// in, from the same data as the text —
/// the viewer's own moods in this pair, the partner's only where their check-in was shared with the viewer. Nothing
/// while neither line has enough check-ins to draw (the text already says when the line appears).
/// </summary>
public sealed class MoodPicture(CheckInService checkIns)
{
    public const int Weeks = 12;
    public const int Days = Weeks * 7;
    public const string FileName = "moods-12-weeks.png";

    public async Task<FileUpload?> ForAsync(Pair pair, ulong viewerId, LocalDate today, CancellationToken cancellationToken)
    {
        var from = today.PlusDays(-(Days - 1));
        var partnerId = pair.UserA == viewerId ? pair.UserB : pair.UserA;
        var you = Row(await checkIns.MoodsAsync(pair, viewerId, viewerId, from, today, cancellationToken), from);
        var partner = Row(await checkIns.MoodsAsync(pair, partnerId, viewerId, from, today, cancellationToken), from);
        if (!MoodChart.Drawable(you) && !MoodChart.Drawable(partner))
            return null;
        var png = MoodChart.Render(new MoodChartData(from, you, partner));
        return new FileUpload(FileName, png, "image/png", AltText(you, partner));
    }

    private static List<int?> Row(IReadOnlyDictionary<LocalDate, int> moods, LocalDate from) =>
        Enumerable.Range(0, Days).Select(i => moods.TryGetValue(from.PlusDays(i), out var m) ? m : (int?)null).ToList();

    /// <summary>What the picture shows, in words, for screen readers (Discord's attachment description, ≤ 1024).</summary>
    public static string AltText(IReadOnlyList<int?> you, IReadOnlyList<int?> partner) =>
        DiscordLimits.Truncate($"Mood over the last {Weeks} weeks, from 1 (low) to 5 (great): you {Summary(you, "checked in")}; " +
            $"your partner {Summary(partner, "shared")}; you both checked in on " +
            $"{Plural.Of(Enumerable.Range(0, you.Count).Count(i => you[i] is not null && partner[i] is not null), "day")}.", 1024);

    private static string Summary(IReadOnlyList<int?> moods, string verb)
    {
        var days = moods.OfType<int>().ToList();
        if (!MoodChart.Drawable(moods))
            return $"{verb} on {Plural.Of(days.Count, "day")}, not enough for a line yet";
        var average = days.Average().ToString("0.0", CultureInfo.InvariantCulture);
        return $"{verb} on {Plural.Of(days.Count, "day")}, averaging {average}, most recently {days[^1]}";
    }
}
