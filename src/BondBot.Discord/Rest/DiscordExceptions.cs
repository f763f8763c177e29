using System.Net;
using System.Text.Json;

namespace BondBot.Discord;

/// <summary>Discord answered a request with an error (Reference §Error Messages).</summary>
public class DiscordApiException : Exception
{
    /// <summary>Creates the exception from a parsed error body.</summary>
    public DiscordApiException(HttpStatusCode status, int code, string? message, IReadOnlyList<FieldError> fieldErrors, string route)
        : base($"Discord answered {(int)status} (code {code}: {message}) to {route}.")
    {
        Status = status;
        RawCode = code;
        DiscordMessage = message;
        FieldErrors = fieldErrors;
    }

    /// <summary>HTTP status.</summary>
    public HttpStatusCode Status { get; }
    /// <summary>Discord's JSON error code as sent.</summary>
    public int RawCode { get; }
    /// <summary>The code as a known value (undefined values stay numeric).</summary>
    public DiscordErrorCode Code => (DiscordErrorCode)RawCode;
    /// <summary>Discord's message.</summary>
    public string? DiscordMessage { get; }
    /// <summary>For 50035: each invalid field with its error.</summary>
    public IReadOnlyList<FieldError> FieldErrors { get; }

    /// <summary>Flattens Discord's nested <c>errors</c> object into path → error pairs.</summary>
    internal static IReadOnlyList<FieldError> Flatten(JsonElement? errors)
    {
        var result = new List<FieldError>();
        if (errors is { ValueKind: JsonValueKind.Object } root)
            Walk(root, "", result);
        return result;

        static void Walk(JsonElement node, string path, List<FieldError> into)
        {
            foreach (var property in node.EnumerateObject())
            {
                if (property.Name == "_errors" && property.Value.ValueKind == JsonValueKind.Array)
                {
                    foreach (var e in property.Value.EnumerateArray())
                        into.Add(new FieldError(path, e.TryGetProperty("code", out var c) ? c.ToString() : "", e.TryGetProperty("message", out var m) ? m.ToString() : ""));
                }
                else if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", into);
                }
            }
        }
    }
}

/// <summary>One entry of a 50035 error: the JSON path, Discord's error code string and message.</summary>
public sealed record FieldError(string Path, string Code, string Message);

/// <summary>Discord rejected the token (401). No further request is sent; the operator must fix the token.</summary>
public sealed class DiscordUnauthorizedException()
    : Exception("Discord rejected the bot token (401 Unauthorized); no further requests are sent. Check Discord:Token.");

/// <summary>The client refused to send because too many invalid requests happened recently (ban protection).</summary>
public sealed class InvalidRequestLimitException(int count)
    : Exception($"{count} invalid requests (401/403/429) in the last 10 minutes; pausing requests to stay clear of Discord's ban at 10000.");

/// <summary>A request kept meeting 429s beyond the retry budget.</summary>
public sealed class DiscordRateLimitedException(string route, TimeSpan retryAfter)
    : Exception($"Still rate limited on {route} after retries; Discord asked to wait {retryAfter.TotalSeconds:0.###} s.")
{
    /// <summary>How long Discord asked to wait.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>Discord could not be reached, or kept answering 5xx, and the call was not safe or allowed to repeat.</summary>
public sealed class DiscordUnavailableException(string route, string reason, Exception? inner = null)
    : Exception($"Discord did not complete {route}: {reason}.", inner);
