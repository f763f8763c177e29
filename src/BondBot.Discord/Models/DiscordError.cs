using System.Text.Json;

namespace BondBot.Discord;

/// <summary>Error body (Reference §Error Messages).</summary>
internal sealed record DiscordErrorBody
{
    public int Code { get; init; }
    public string? Message { get; init; }
    public JsonElement? Errors { get; init; }
}

/// <summary>429 body (Rate Limits §Rate Limit Response Structure).</summary>
internal sealed record RateLimitBody
{
    public string? Message { get; init; }
    public double RetryAfter { get; init; }
    public bool Global { get; init; }
    public int? Code { get; init; }
}
