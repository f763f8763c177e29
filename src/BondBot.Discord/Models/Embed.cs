namespace BondBot.Discord;

/// <summary>A rich embed (Message §Embed Object). Limits are checked by <see cref="DiscordLimits"/>.</summary>
public sealed record Embed
{
    /// <summary>≤256 characters.</summary>
    public string? Title { get; init; }
    /// <summary>≤4096 characters.</summary>
    public string? Description { get; init; }
    /// <summary>Link of the title.</summary>
    public string? Url { get; init; }
    /// <summary>Colour as 0xRRGGBB.</summary>
    public int? Color { get; init; }
    /// <summary>ISO-8601 timestamp shown in the footer.</summary>
    public string? Timestamp { get; init; }
    /// <summary>Footer.</summary>
    public EmbedFooter? Footer { get; init; }
    /// <summary>Author line.</summary>
    public EmbedAuthor? Author { get; init; }
    /// <summary>≤25 fields.</summary>
    public IReadOnlyList<EmbedField>? Fields { get; init; }
    /// <summary>Large image, e.g. <c>attachment://trend.png</c>.</summary>
    public EmbedMedia? Image { get; init; }
    /// <summary>Thumbnail.</summary>
    public EmbedMedia? Thumbnail { get; init; }
}

/// <summary>Embed footer; text ≤2048 characters.</summary>
public sealed record EmbedFooter(string Text);

/// <summary>Embed author; name ≤256 characters.</summary>
public sealed record EmbedAuthor(string Name);

/// <summary>Embed field; name ≤256, value ≤1024 characters.</summary>
public sealed record EmbedField(string Name, string Value, bool? Inline = null);

/// <summary>Image or thumbnail by URL.</summary>
public sealed record EmbedMedia(string Url);
