using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BondBot.Discord.Json;

/// <summary>
/// Permission sets are decimal strings that may grow past 64 bits (Permissions §Permissions). The known bits all
/// fit in 64, so the value is parsed as a big integer and the low 64 bits are kept rather than failing.
/// </summary>
internal sealed class PermissionsConverter : JsonConverter<Permissions>
{
    public override Permissions Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => reader.GetUInt64().ToString(CultureInfo.InvariantCulture),
            _ => throw new JsonException("Expected a permission set string."),
        };
        if (!BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            throw new JsonException("Expected a permission set string of digits.");
        return (Permissions)(ulong)(value & ulong.MaxValue);
    }

    public override void Write(Utf8JsonWriter writer, Permissions value, JsonSerializerOptions options) =>
        writer.WriteStringValue(((ulong)value).ToString(CultureInfo.InvariantCulture));
}
