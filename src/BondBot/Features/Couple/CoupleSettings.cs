using NodaTime;

namespace BondBot.Features.Couple;

/// <summary>How far apart a pair lives: long-distance questions and rituals go to pairs apart or sometimes apart.</summary>
public enum CoupleDistance { Apart, Together, Sometimes }

/// <summary>A new couple gets no questions that assume shared history ("our running jokes", "a year ago").</summary>
public enum CoupleStage { New, Established }

/// <summary>Days on which questions stay lighter (no Deepest, fewer Deeper).</summary>
public enum BusyDays { None, Weekdays, Weekends }

/// <summary>What a pair chose about itself; null where nothing was chosen yet. <see cref="LookingBack"/>: whether
/// "On this day" may bring back old questions; <see cref="WeekCard"/>: whether the ritual day brings the picture of
/// their week (both on unless turned off).</summary>
public sealed record CoupleSettings(CoupleDistance? Distance, CoupleStage? Stage, BusyDays? BusyDays, bool? LookingBack = null, bool? WeekCard = null)
{
    public bool LooksBack => LookingBack ?? true;
    public bool GetsWeekCard => WeekCard ?? true;
}

/// <summary>What serving needs to know about a pair today: resolved from their choices, or guessed where they have
/// not chosen (distance from their time zones, stage from the pairing date).</summary>
public sealed record CoupleProfile(CoupleDistance Distance, bool DistanceChosen, CoupleStage Stage, bool BusyToday)
{
    public bool Apart => Distance is CoupleDistance.Apart or CoupleDistance.Sometimes;
    public bool Together => Distance is CoupleDistance.Together or CoupleDistance.Sometimes;
}

public static class CoupleWords
{
    public static string Key<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    public static T? Parse<T>(string? key) where T : struct, Enum => Enum.TryParse<T>(key, ignoreCase: true, out var v) ? v : null;

    public static bool? ParseSwitch(string? key) => key switch { "on" => true, "off" => false, _ => null };

    public static string? Switch(bool? value) => value switch { true => "on", false => "off", null => null };

    public static bool Includes(this BusyDays days, IsoDayOfWeek day) => days switch
    {
        BusyDays.Weekdays => day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Friday,
        BusyDays.Weekends => day is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday,
        _ => false,
    };

    public static string Describe(CoupleDistance distance) => distance switch
    {
        CoupleDistance.Apart => "apart (long distance)",
        CoupleDistance.Together => "together in one place",
        _ => "sometimes apart, sometimes together",
    };
}
