using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BondBot.Discord.Json;

/// <summary>
/// Snowflakes travel as JSON strings (Reference §Snowflakes) and use all 64 bits, so they are read into
/// <see cref="ulong"/> and written back as strings. Numbers are accepted too: Discord echoes ids it was sent as
/// numbers (Reference §ID Serialization).
/// </summary>
internal sealed class SnowflakeConverter : JsonConverter<ulong>
{
    public override ulong Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return reader.GetUInt64();
        if (reader.TokenType == JsonTokenType.String)
        {
            var span = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray();
            if (Utf8Parser.TryParse(span, out ulong value, out var consumed) && consumed == span.Length)
                return value;
        }
        throw new JsonException("Expected a snowflake (a string of digits).");
    }

    public override void Write(Utf8JsonWriter writer, ulong value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
