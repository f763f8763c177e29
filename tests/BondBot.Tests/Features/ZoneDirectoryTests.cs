using BondBot.Features.Settings;
using NodaTime;
using NodaTime.Testing;

namespace BondBot.Tests.Features;

public sealed class ZoneDirectoryTests
{
    // A winter instant: New York is on EST (UTC-5), Berlin on CET.
    private readonly ZoneDirectory _zones = new(new FakeClock(Instant.FromUtc(2026, 1, 15, 11, 54)));

    private string? Found(string typed) => (_zones.Resolve(typed) as ZoneDirectory.Lookup.Found)?.Place.ZoneId;

    private IReadOnlyList<string> Suggested(string typed) =>
        (_zones.Resolve(typed) as ZoneDirectory.Lookup.Ambiguous)?.Places.Select(p => p.ZoneId).ToList() ?? [];

    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("America/New York", "America/New_York")]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")]          // an old name for the same place
    [InlineData("US/Eastern", "America/New_York")]
    [InlineData("Europe/Oslo", "Europe/Oslo")]             // Norway's zone stays Norway's, though tzdb links it to Berlin
    [InlineData("India", "Asia/Kolkata")]
    [InlineData("Berlin", "Europe/Berlin")]
    [InlineData("new york", "America/New_York")]
    [InlineData("Mumbai", "Asia/Kolkata")]
    [InlineData("UTC", "UTC")]
    [InlineData("utc", "UTC")]
    public void Real_places_are_found_by_zone_city_or_country(string typed, string zone) => Assert.Equal(zone, Found(typed));

    [Theory]
    [InlineData("EST", "America/New_York")]
    [InlineData("est", "America/New_York")]
    [InlineData("PST", "America/Los_Angeles")]
    [InlineData("CET", "Europe/Berlin")]
    [InlineData("IST", "Asia/Kolkata")]
    [InlineData("GMT+5", "Asia/Karachi")]
    [InlineData("UTC+5:30", "Asia/Kolkata")]
    [InlineData("UTC-5", "America/New_York")]
    [InlineData("Etc/GMT+5", "America/New_York")]          // tzdb's inverted sign: five hours behind
    [InlineData("EST5EDT", "America/New_York")]
    [InlineData("United States", "America/New_York")]
    public void Abbreviations_offsets_and_countries_with_several_zones_are_answered_with_places(string typed, string first)
    {
        Assert.Null(Found(typed));
        Assert.Equal(first, Suggested(typed).FirstOrDefault());
    }

    [Fact]
    public void Irish_and_israeli_time_share_the_abbreviation_ist_with_india()
    {
        var ist = _zones.Resolve("IST") as ZoneDirectory.Lookup.Ambiguous;
        Assert.NotNull(ist);
        Assert.Contains("abbreviation", ist.Why);
        // In January Dublin is on GMT, so only the zones using IST now or in half a year appear.
        Assert.Contains("Asia/Jerusalem", ist.Places.Select(p => p.ZoneId));
        Assert.Contains("Europe/Dublin", ist.Places.Select(p => p.ZoneId));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("nowhere at all")]
    [InlineData("UTC+15")]
    public void Nonsense_is_unknown(string typed) => Assert.IsType<ZoneDirectory.Lookup.Unknown>(_zones.Resolve(typed));

    [Theory]
    [InlineData("India", "Asia/Kolkata")]
    [InlineData("New York", "America/New_York")]
    [InlineData("Berlin", "Europe/Berlin")]
    [InlineData("utc", "UTC")]
    [InlineData("berl", "Europe/Berlin")]
    [InlineData("germ", "Europe/Berlin")]
    [InlineData("tokyo", "Asia/Tokyo")]
    [InlineData("est", "America/New_York")]
    [InlineData("united states", "America/New_York")]
    public void Search_puts_the_place_people_mean_first(string typed, string first) =>
        Assert.Equal(first, _zones.Search(typed, 25).First().ZoneId);

    [Fact]
    public void Choices_show_the_country_the_offset_and_the_local_time_now()
    {
        Assert.Equal("Asia/Kolkata — India · UTC+5:30 · 17:24", _zones.Describe(_zones.Find("Asia/Kolkata")!));
        Assert.Equal("America/New_York — United States, Eastern (most areas) · UTC-5 · 06:54", _zones.Describe(_zones.Find("America/New_York")!));
        Assert.Equal("UTC — Coordinated Universal Time · UTC+0 · 11:54", _zones.Describe(_zones.Find("UTC")!));
        Assert.All(_zones.Places, p => Assert.InRange(_zones.Describe(p).Length, 1, 100));
    }

    [Fact]
    public void With_nothing_typed_the_common_zones_come_first() =>
        Assert.Equal(["UTC", "America/New_York", "America/Chicago"], _zones.Search("", 25).Take(3).Select(p => p.ZoneId));
}

public sealed class TimeTextTests
{
    [Theory]
    [InlineData("20:30", 20, 30)]
    [InlineData("7:05", 7, 5)]
    [InlineData("19", 19, 0)]
    [InlineData("19.30", 19, 30)]
    [InlineData("1930", 19, 30)]
    [InlineData("7pm", 19, 0)]
    [InlineData("7 PM", 19, 0)]
    [InlineData("7:30 pm", 19, 30)]
    [InlineData("7.30 p.m.", 19, 30)]
    [InlineData("12am", 0, 0)]
    [InlineData("12pm", 12, 0)]
    [InlineData("9 a.m.", 9, 0)]
    [InlineData("noon", 12, 0)]
    [InlineData("midnight", 0, 0)]
    [InlineData(" 08:00 ", 8, 0)]
    public void Times_are_read_the_ways_people_write_them(string text, int hour, int minute) =>
        Assert.Equal(new LocalTime(hour, minute), TimeText.Parse(text));

    [Theory]
    [InlineData("25:99")]
    [InlineData("13pm")]
    [InlineData("0am")]
    [InlineData("7:60")]
    [InlineData("seven")]
    [InlineData("")]
    [InlineData("930")]
    public void Anything_else_is_not_a_time(string text) => Assert.Null(TimeText.Parse(text));
}
