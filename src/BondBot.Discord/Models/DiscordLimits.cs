namespace BondBot.Discord;

/// <summary>
/// Discord's documented size limits (Message §Embed Limits, §Create Message; Components §Reference;
/// Receiving and Responding §Modal). The REST client checks every outgoing payload against them, so a bug
/// surfaces as a <see cref="DiscordLimitException"/> naming the field instead of a 400 from Discord.
/// </summary>
public static class DiscordLimits
{
    /// <summary>Message content.</summary>
    public const int Content = 2000;
    /// <summary>Embeds per message.</summary>
    public const int EmbedsPerMessage = 10;
    /// <summary>Embed title.</summary>
    public const int EmbedTitle = 256;
    /// <summary>Embed description.</summary>
    public const int EmbedDescription = 4096;
    /// <summary>Fields per embed.</summary>
    public const int EmbedFields = 25;
    /// <summary>Field name.</summary>
    public const int EmbedFieldName = 256;
    /// <summary>Field value.</summary>
    public const int EmbedFieldValue = 1024;
    /// <summary>Footer text.</summary>
    public const int EmbedFooter = 2048;
    /// <summary>Author name.</summary>
    public const int EmbedAuthor = 256;
    /// <summary>All embed text of one message together.</summary>
    public const int EmbedTotal = 6000;
    /// <summary>Action rows per message (legacy layout).</summary>
    public const int ActionRows = 5;
    /// <summary>Buttons per action row.</summary>
    public const int ButtonsPerRow = 5;
    /// <summary>custom_id length.</summary>
    public const int CustomId = 100;
    /// <summary>Button label.</summary>
    public const int ButtonLabel = 80;
    /// <summary>Select options.</summary>
    public const int SelectOptions = 25;
    /// <summary>Select option label, value, description.</summary>
    public const int SelectOptionText = 100;
    /// <summary>Select placeholder.</summary>
    public const int SelectPlaceholder = 150;
    /// <summary>Modal title.</summary>
    public const int ModalTitle = 45;
    /// <summary>Components in a modal.</summary>
    public const int ModalComponents = 5;
    /// <summary>Label text (Label component, legacy text input label).</summary>
    public const int Label = 45;
    /// <summary>Label description.</summary>
    public const int LabelDescription = 100;
    /// <summary>Text input value and max_length.</summary>
    public const int TextInputValue = 4000;
    /// <summary>Text display content.</summary>
    public const int TextDisplay = 4000;
    /// <summary>Text input placeholder.</summary>
    public const int TextInputPlaceholder = 100;
    /// <summary>Message nonce.</summary>
    public const int Nonce = 25;
    /// <summary>Autocomplete and command choices.</summary>
    public const int Choices = 25;
    /// <summary>Choice name and string value.</summary>
    public const int ChoiceText = 100;
    /// <summary>Guild channel name.</summary>
    public const int ChannelName = 100;
    /// <summary>Channel topic.</summary>
    public const int ChannelTopic = 1024;
    /// <summary>Gateway payload size in bytes (Gateway §Sending Events).</summary>
    public const int GatewayPayloadBytes = 4096;

    /// <summary>Shortens text to at most <paramref name="max"/> characters, ending with an ellipsis when cut,
    /// without splitting a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
            return text;
        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
            cut--;
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}

/// <summary>An outgoing payload breaks one of Discord's limits; <see cref="Field"/> says which.</summary>
public sealed class DiscordLimitException(string field, string message) : ArgumentException($"{field}: {message}")
{
    /// <summary>JSON path of the offending field, e.g. <c>embeds[0].description</c>.</summary>
    public string Field { get; } = field;
}
