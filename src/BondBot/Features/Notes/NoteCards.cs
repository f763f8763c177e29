using System.Globalization;
using BondBot.Discord;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Notes;

/// <summary>The messages notes and "thinking of you" arrive as. The writer's words are shown as a quote inside an embed,
/// and no mention in them ever pings (allowed_mentions parse nothing).</summary>
public static class NoteCards
{
    public const string OpenPrefix = "note.open";
    public const string ThinkPrefix = "note.think";
    private const int Rose = 0xE91E63;

    public static MessagePayload Later(ulong fromUser, string text) => new()
    {
        Embeds = [new Embed { Title = "📝 A note for your morning", Description = Fit($"From <@{fromUser}>, written while you were away:\n\n{Quote(text)}"), Color = Rose }],
        AllowedMentions = AllowedMentions.None,
    };

    public static MessagePayload Envelope(long noteId, ulong fromUser, ulong toUser, string label) => new()
    {
        Embeds = [new Embed { Title = Title(label), Description = $"A sealed note from <@{fromUser}> for <@{toUser}>. Open it when the moment comes 💌", Color = Rose }],
        Components = [Component.Row(Component.Button(CustomId.Create(OpenPrefix, noteId), "Open", ButtonStyle.Primary))],
        AllowedMentions = AllowedMentions.None,
    };

    public static MessagePayload Opened(ulong fromUser, string label, string text) => new()
    {
        Embeds = [new Embed { Title = Title(label), Description = Fit($"From <@{fromUser}>:\n\n{Quote(text)}"), Color = Rose }],
        Components = [],
        AllowedMentions = AllowedMentions.None,
    };

    public static MessagePayload OpenedNotice(ulong byUser, Instant sentAt) => new()
    {
        Content = $"💌 <@{byUser}> opened the sealed note you sent <t:{sentAt.ToUnixTimeSeconds()}:D>.",
        AllowedMentions = AllowedMentions.None,
    };

    public static MessagePayload Thinking(ulong fromUser) => new()
    {
        Content = $"💭 <@{fromUser}> is thinking of you",
        AllowedMentions = AllowedMentions.None,
    };

    /// <summary>"Wed 08:00" in a zone: the reply shows both partners' clocks spelled out, and a Discord timestamp besides.</summary>
    public static string Local(Instant at, DateTimeZone zone) =>
        at.InZone(zone).ToString("ddd HH:mm", CultureInfo.InvariantCulture);

    public static string Timestamp(Instant at, char style = 'F') => $"<t:{at.ToUnixTimeSeconds()}:{style}>";

    private static string Title(string label) => DiscordLimits.Truncate($"💌 Open when: {label}", DiscordLimits.EmbedTitle);

    private static string Fit(string text) => DiscordLimits.Truncate(text, DiscordLimits.EmbedDescription);

    private static string Quote(string text) => string.Join('\n', text.Split('\n').Select(l => "> " + l));
}
