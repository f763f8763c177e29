using BondBot.Discord;

namespace BondBot.Interactions;

/// <summary>When something a person typed cannot be saved, the reply gives it back so nothing is lost.</summary>
public static class TextBack
{
    /// <summary><paramref name="reason"/>, then each text in a code block (keeps its formatting, stops mentions and
    /// markdown from rendering), within Discord's message limit.</summary>
    public static string Format(string reason, IEnumerable<string> texts)
    {
        var kept = texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => $"```\n{t.Replace("```", "'''", StringComparison.Ordinal)}\n```").ToList();
        return kept.Count == 0
            ? reason
            : DiscordLimits.Truncate($"{reason} Here's what you wrote, so it isn't lost:\n{string.Join('\n', kept)}", DiscordLimits.Content);
    }

    public static string Format(string reason, string text) => Format(reason, [text]);
}
