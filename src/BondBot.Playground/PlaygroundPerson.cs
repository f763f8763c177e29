using BondBot.FakeDiscord;
using NodaTime;

namespace BondBot.Playground;

/// <summary>One of the people the visitor plays. The zone is the playground's own idea of where they live, used to
/// show their local time; BondBot learns a zone only the way it would on Discord, from /settings.</summary>
public sealed class PlaygroundPerson(string key, FakeUser user, DateTimeZone zone)
{
    public string Key { get; } = key;
    public FakeUser User { get; } = user;
    public DateTimeZone Zone { get; set; } = zone;

    public string Name
    {
        get => User.Username;
        set => User.Username = value;
    }

    /// <summary>Who the visitor starts as, and where each lives: far enough apart that time zones matter.</summary>
    public static readonly (string Key, string Name, string Zone)[] Defaults =
    [
        ("sam", "Sam", "Europe/London"),
        ("alex", "Alex", "America/New_York"),
        ("casey", "Casey", "Asia/Tokyo"),
    ];
}
