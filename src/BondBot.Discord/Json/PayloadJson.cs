using System.Text.Json;

namespace BondBot.Discord.Json;

/// <summary>
/// A message payload as Discord's JSON and back, for callers that store what they will send later (an outbox).
/// The same names and converters as on the wire, so a stored payload is exactly what is sent.
/// </summary>
public static class PayloadJson
{
    /// <summary>The payload as JSON text.</summary>
    public static string Serialize(MessagePayload payload) => JsonSerializer.Serialize(payload, DiscordJson.Default.MessagePayload);

    /// <summary>A payload read back from <see cref="Serialize"/>.</summary>
    public static MessagePayload Deserialize(string json) =>
        JsonSerializer.Deserialize(json, DiscordJson.Default.MessagePayload) ?? throw new JsonException("An empty message payload was stored.");
}
