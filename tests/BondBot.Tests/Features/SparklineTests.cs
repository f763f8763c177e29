using BondBot.Features.Insights;

namespace BondBot.Tests.Features;

public sealed class SparklineTests
{
    [Fact]
    public void Moods_map_to_rising_blocks_and_missing_days_to_gaps() =>
        Assert.Equal("▁▃ ▄▆█", Sparkline.Render([1, 2, null, 3, 4, 5]));

    [Fact]
    public void Out_of_range_values_render_as_gaps() =>
        Assert.Equal("  █", Sparkline.Render([0, 6, 5]));
}
