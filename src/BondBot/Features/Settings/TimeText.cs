using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;

namespace BondBot.Features.Settings;

/// <summary>Reads a time of day the ways people write one: <c>20:30</c>, <c>19</c>, <c>19.30</c>, <c>1930</c>,
/// <c>7pm</c>, <c>7:30 pm</c>, <c>7.30 p.m.</c>, <c>noon</c>, <c>midnight</c>.</summary>
public static partial class TimeText
{
    public static LocalTime? Parse(string? text)
    {
        var trimmed = text?.Trim().ToLowerInvariant() ?? "";
        if (trimmed is "noon" or "midday") return new LocalTime(12, 0);
        if (trimmed is "midnight") return LocalTime.Midnight;
        var match = Pattern().Match(trimmed);
        if (!match.Success) return null;
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (minute > 59) return null;
        if (match.Groups["half"].Success)
        {
            if (hour is < 1 or > 12) return null;
            var pm = match.Groups["half"].Value.StartsWith('p');
            hour = hour % 12 + (pm ? 12 : 0);
        }
        else if (hour > 23)
            return null;
        return new LocalTime(hour, minute);
    }

    public static string Format(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:(?:[:.h](?<m>\d{2}))|(?<m>(?<=^\d{2})\d{2}))?\s*(?<half>a\.?m\.?|p\.?m\.?|a|p)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
