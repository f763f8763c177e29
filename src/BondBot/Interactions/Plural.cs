using System.Globalization;

namespace BondBot.Interactions;

/// <summary>Counts as people write them: "1 day", "2 days", "1 check-in", "3 check-ins".</summary>
public static class Plural
{
    public static string Of(long count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
