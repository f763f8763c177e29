using System.Globalization;

namespace BondBot.Interactions;

/// <summary>
/// A component's custom_id as <c>prefix:arg1:arg2</c>. Discord caps custom_id at 100 characters, so building one
/// that would be longer fails here, at the source, rather than as a 400 from Discord.
/// </summary>
public sealed record CustomId(string Prefix, IReadOnlyList<string> Arguments)
{
    public const char Separator = ':';

    public static string Create(string prefix, params object[] arguments)
    {
        var text = arguments.Length == 0
            ? prefix
            : prefix + Separator + string.Join(Separator, arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)));
        if (text.Length > Discord.DiscordLimits.CustomId)
            throw new ArgumentException($"custom_id '{prefix}…' would be {text.Length} characters; Discord allows {Discord.DiscordLimits.CustomId}.");
        return text;
    }

    public static CustomId Parse(string text)
    {
        var parts = text.Split(Separator);
        return new CustomId(parts[0], parts[1..]);
    }

    /// <summary>Argument <paramref name="index"/> as an id, or null when missing or not a number (tampered input).</summary>
    public ulong? UlongAt(int index) =>
        index < Arguments.Count && ulong.TryParse(Arguments[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public long? LongAt(int index) =>
        index < Arguments.Count && long.TryParse(Arguments[index], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    public string? At(int index) => index < Arguments.Count ? Arguments[index] : null;
}
