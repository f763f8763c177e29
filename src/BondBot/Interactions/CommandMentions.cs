using System.Collections.Frozen;
using System.Text.RegularExpressions;
using BondBot.Discord;
using BondBot.Discord.Rest;

namespace BondBot.Interactions;

/// <summary>
/// Turns command hints in BondBot's messages (<c>`/pair partner:@them`</c>) into clickable command mentions
/// (<c>&lt;/pair:id&gt; `partner:@them`</c>) once Discord has told us the commands' ids at registration. Messages
/// are written with plain hints, so they read right before registration and anywhere ids are unknown.
/// </summary>
public sealed partial class CommandMentions(CommandCatalog catalog) : IOutgoingMessageFilter
{
    private volatile FrozenDictionary<string, ulong> _ids = FrozenDictionary<string, ulong>.Empty;

    /// <summary>Keeps the ids of the commands as registered.</summary>
    public void Remember(IEnumerable<ApplicationCommand> registered) =>
        _ids = registered.Where(c => c.Id is not null).ToFrozenDictionary(c => c.Name, c => c.Id!.Value, StringComparer.Ordinal);

    /// <summary>A mention of <c>/name</c> (or <c>/name sub</c>), or the plain hint when its id is unknown.</summary>
    public string Mention(string command) =>
        command.Split(' ') is [var name, ..] && _ids.TryGetValue(name, out var id) ? $"</{command}:{id}>" : $"`/{command}`";

    public MessagePayload Apply(MessagePayload message)
    {
        if (_ids.Count == 0) return message;
        return message with
        {
            Content = Linkify(message.Content),
            Embeds = message.Embeds?.Select(e => e with
            {
                Description = Linkify(e.Description),
                Fields = e.Fields?.Select(f => f with { Value = Linkify(f.Value)! }).ToList(),
            }).ToList(),
        };
    }

    /// <summary>Rewrites every <c>`/command …`</c> hint that names a registered command.</summary>
    public string? Linkify(string? text) => text is null || !text.Contains("`/", StringComparison.Ordinal) ? text : Hint().Replace(text, match =>
    {
        var name = match.Groups["name"].Value;
        if (!_ids.ContainsKey(name)) return match.Value;
        var rest = match.Groups["rest"].Value.Trim();
        // "/space open" names a sub-command: it is part of the mention; anything else stays a code hint after it.
        if (match.Groups["sub"].Success && IsSubCommand(name, match.Groups["sub"].Value))
            return Mention($"{name} {match.Groups["sub"].Value}") + (rest.Length > 0 ? $" `{rest}`" : "");
        var after = (match.Groups["sub"].Success ? match.Groups["sub"].Value + " " + rest : rest).Trim();
        return Mention(name) + (after.Length > 0 ? $" `{after}`" : "");
    });

    private bool IsSubCommand(string name, string sub) =>
        catalog.Definitions.FirstOrDefault(c => c.Name == name)?.Options?.Any(o => o.Type == CommandOptionType.SubCommand && o.Name == sub) == true;

    [GeneratedRegex(@"`/(?<name>[a-z][a-z0-9_-]*)(?: (?<sub>[a-z][a-z0-9_-]*)(?=[` ]))?(?<rest>[^`\n]*)`", RegexOptions.CultureInvariant)]
    private static partial Regex Hint();
}
