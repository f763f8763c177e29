using System.Security.Cryptography;
using BondBot.FakeDiscord;
using BondBot.Features.CheckIns;
using BondBot.Features.Insights;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SkiaSharp;

namespace BondBot.Tests.EndToEnd.Insights;

public sealed class InsightsChartTests
{
    private static readonly LocalDate Today = new(2026, 6, 10);

    private static async Task<(BotHarness Bot, World World, CheckInService CheckIns)> PairedAsync()
    {
        var bot = await BotHarness.StartAsync(clock: new FakeClock(Instant.FromUtc(2026, 6, 10, 12, 0)));
        var world = new World(bot.Fake);
        await PairingFlowTests.PairAsync(world, world.Alice, world.Bob);
        return (bot, world, bot.Services.GetRequiredService<CheckInService>());
    }

    // Both check in (shared with each other) on each of the last 14 days, with moods that wander.
    private static async Task TwoWeeksAsync(World world, CheckInService checkIns)
    {
        for (var back = 13; back >= 0; back--)
        {
            await checkIns.RecordNotesAsync(world.Alice.Id, Today.PlusDays(-back), 1 + back % 5, null, null, null);
            await checkIns.RecordNotesAsync(world.Bob.Id, Today.PlusDays(-back), 1 + (back * 3) % 5, null, null, null);
        }
    }

    private static async Task<(FakeMessage Reply, FakeAttachment? Chart)> InsightsAsync(World world, FakeUser user)
    {
        var reply = await world.ReplyAsync(await world.CommandAsync(user, "insights"));
        return (reply, reply.Attachments.SingleOrDefault());
    }

    private static string PixelHash(SKBitmap bitmap) => Convert.ToHexString(SHA256.HashData(bitmap.GetPixelSpan()));

    [Fact]
    public async Task Insights_with_two_weeks_of_check_ins_attach_a_described_png_whose_pixels_follow_the_partners_shared_moods()
    {
        var (bot, world, checkIns) = await PairedAsync();
        await using var _ = bot;
        await TwoWeeksAsync(world, checkIns);

        var (reply, chart) = await InsightsAsync(world, world.Bob);

        Assert.True(reply.Ephemeral);
        Assert.Contains("Moods, last 30 days", World.Text(reply));            // the text stays beside the picture
        Assert.NotNull(chart);
        Assert.Equal(InsightsPicture.FileName, chart.FileName);
        Assert.Equal("image/png", chart.ContentType);
        Assert.InRange(chart.Data.Length, 1_000, 300 * 1024 - 1);
        Assert.StartsWith("Mood over the last 12 weeks", chart.Description);
        Assert.Contains("you checked in on 14 days", chart.Description);
        Assert.Contains("your partner shared on 14 days", chart.Description);
        Assert.Contains("you both checked in on 14 days", chart.Description);
        using var first = SKBitmap.Decode(chart.Data);
        Assert.Equal((MoodChart.Width, MoodChart.Height), (first.Width, first.Height));

        // Alice's mood-only check-in was never shared with Bob: his picture stays exactly the same.
        await checkIns.RecordMoodAsync(world.Alice.Id, 5, Today.PlusDays(-20));
        var (_, same) = await InsightsAsync(world, world.Bob);
        using (var unchanged = SKBitmap.Decode(same!.Data))
            Assert.Equal(PixelHash(first), PixelHash(unchanged));

        // Three more days Alice shared, a month back: only the partner's line changes, and the pixels with it.
        for (var back = 30; back >= 28; back--)
            await checkIns.RecordNotesAsync(world.Alice.Id, Today.PlusDays(-back), 5, null, null, null);
        var (_, later) = await InsightsAsync(world, world.Bob);
        using var second = SKBitmap.Decode(later!.Data);
        Assert.Equal((first.Width, first.Height), (second.Width, second.Height));
        Assert.NotEqual(PixelHash(first), PixelHash(second));
        Assert.Contains("your partner shared on 17 days", later.Description);
    }

    [Fact]
    public async Task Insights_with_fewer_than_three_check_ins_each_attach_no_picture_and_keep_the_text()
    {
        var (bot, world, checkIns) = await PairedAsync();
        await using var _ = bot;
        await checkIns.RecordNotesAsync(world.Alice.Id, Today.PlusDays(-1), 4, null, null, null);
        await checkIns.RecordNotesAsync(world.Alice.Id, Today, 2, null, null, null);
        await checkIns.RecordNotesAsync(world.Bob.Id, Today, 3, null, null, null);

        var (reply, chart) = await InsightsAsync(world, world.Alice);

        Assert.Null(chart);
        Assert.True(reply.Ephemeral);
        Assert.Contains("the line appears after three", World.Text(reply));
    }

    [Fact]
    public void The_chart_renders_with_only_the_embedded_DejaVu_font_never_a_system_one()
    {
        var moods = Enumerable.Range(0, InsightsPicture.Days).Select(i => i % 3 == 0 ? (int?)null : 1 + i % 5).ToList();

        var png = MoodChart.Render(new MoodChartData(Today.PlusDays(-(InsightsPicture.Days - 1)), moods, moods.AsEnumerable().Reverse().ToList()));

        Assert.Equal(ChartFont.Family, ChartFont.Typeface.FamilyName);
        Assert.Equal(ChartFont.Family, ScottPlot.Fonts.Default);
        Assert.True(ChartFont.Served > 0, "ScottPlot asked our embedded font for its text");
        // Whatever name is asked for, the answer is the embedded face: the system's fonts are never consulted.
        Assert.Same(ChartFont.Typeface, ScottPlot.Fonts.GetTypeface(ScottPlot.Fonts.Default, false, false));
        Assert.Same(ChartFont.Typeface, ScottPlot.Fonts.GetTypeface("Some Font Nobody Has", true, false));
        using var image = SKBitmap.Decode(png);
        Assert.Equal(MoodChart.Width, image.Width);
    }

    private static async Task PulseAsync(BotHarness bot, FakeUser user, string month, int rating)
    {
        var pairing = bot.Services.GetRequiredService<BondBot.Features.Pairing.PairingService>();
        var pair = (await pairing.GetActivePairAsync(user.Id, CancellationToken.None))!;
        for (var area = 0; area < BondBot.Features.Pulse.PulseDimension.All.Count; area++)
            await bot.Services.GetRequiredService<BondBot.Features.Pulse.PulseService>().RateAsync(user.Id, pair, month, area, rating, CancellationToken.None);
    }

    [Fact]
    public async Task Insights_after_pulses_show_the_areas_month_by_month_under_the_moods_with_the_partner_only_for_months_both_answered()
    {
        var (bot, world, checkIns) = await PairedAsync();
        await using var _ = bot;
        await TwoWeeksAsync(world, checkIns);
        await PulseAsync(bot, world.Alice, "2026-05", 4);
        await PulseAsync(bot, world.Bob, "2026-05", 2);
        await PulseAsync(bot, world.Alice, "2026-06", 5);                       // Bob hasn't answered June yet

        var (_, chart) = await InsightsAsync(world, world.Alice);

        using var first = SKBitmap.Decode(chart!.Data);
        Assert.Equal((MoodChart.Width, MoodChart.Height + PulseGrid.Height), (first.Width, first.Height));
        Assert.StartsWith("Mood over the last 12 weeks", chart.Description);
        Assert.Contains("Closeness pulse over 2 months; in Jun 2026 you rated Trust 5,", chart.Description);
        Assert.InRange(chart.Data.Length, 1_000, 300 * 1024 - 1);

        // Bob answers June: Alice's picture gains his column, in the pulse part only.
        await PulseAsync(bot, world.Bob, "2026-06", 1);
        var (_, later) = await InsightsAsync(world, world.Alice);
        using var second = SKBitmap.Decode(later!.Data);
        Assert.Contains("in Jun 2026 you and your partner rated Trust 5 and 1,", later.Description);
        Assert.Equal(Hash(first, 0, MoodChart.Height), Hash(second, 0, MoodChart.Height));
        Assert.NotEqual(Hash(first, MoodChart.Height, first.Height), Hash(second, MoodChart.Height, second.Height));

        // Bob sees his own months, never more of Alice's than he has answered himself.
        var (_, his) = await InsightsAsync(world, world.Bob);
        Assert.Contains("in Jun 2026 you and your partner rated Trust 1 and 5,", his!.Description);
    }

    private static string Hash(SKBitmap bitmap, int fromRow, int toRow)
    {
        using var part = new SKBitmap(bitmap.Width, toRow - fromRow);
        bitmap.ExtractSubset(part, new SKRectI(0, fromRow, bitmap.Width, toRow));
        using var copy = part.Copy();
        return Convert.ToHexString(SHA256.HashData(copy.GetPixelSpan()));
    }
}
