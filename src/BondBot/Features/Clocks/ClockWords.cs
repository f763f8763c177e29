using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.Clocks;

/// <summary>How times and dates read in <c>/us</c> and the heads-up: one wording for both.</summary>
public static class ClockWords
{
    private static readonly LocalDatePattern Day = LocalDatePattern.Create("ddd d MMM", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern Time = LocalTimePattern.Create("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Sun 28 Mar".</summary>
    public static string Date(LocalDate date) => Day.Format(date);

    /// <summary>"14:05".</summary>
    public static string Clock(LocalTime time) => Time.Format(time);

    /// <summary>"Sat 20 Mar, 12:00".</summary>
    public static string DayAndTime(ZonedDateTime at) => $"{Date(at.Date)}, {Clock(at.TimeOfDay)}";

    /// <summary>A Discord timestamp, shown to each reader in their own device's zone (<c>t</c> time, <c>f</c> date and time).</summary>
    public static string Stamp(Instant at, char style = 't') => $"<t:{at.ToUnixTimeSeconds()}:{style}>";
}
