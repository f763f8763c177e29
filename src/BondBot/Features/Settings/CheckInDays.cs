using NodaTime;

namespace BondBot.Features.Settings;

/// <summary>Which days a person wants their check-in: every day, weekdays or weekends (stored as text).</summary>
public enum CheckInDays { Every, Weekdays, Weekends }

public static class CheckInDaysExtensions
{
    public static bool Includes(this CheckInDays days, IsoDayOfWeek day) => days switch
    {
        CheckInDays.Weekdays => day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Friday,
        CheckInDays.Weekends => day is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday,
        _ => true,
    };

    public static string ToKey(this CheckInDays days) => days switch
    {
        CheckInDays.Weekdays => "weekdays",
        CheckInDays.Weekends => "weekends",
        _ => "every",
    };

    public static CheckInDays? Parse(string? key) => key?.ToLowerInvariant() switch
    {
        "every" or "every day" or "everyday" => CheckInDays.Every,
        "weekdays" => CheckInDays.Weekdays,
        "weekends" => CheckInDays.Weekends,
        _ => null,
    };

    public static string Describe(this CheckInDays days) => days switch
    {
        CheckInDays.Weekdays => "on weekdays",
        CheckInDays.Weekends => "on weekends",
        _ => "every day",
    };
}
