using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BondBot.Discord.Json;

namespace BondBot.Discord.Rest;

/// <summary>Builds request bodies: JSON, the interaction callback envelope, and multipart uploads
/// (Reference §Uploading Files: <c>payload_json</c> plus <c>files[n]</c>).</summary>
internal static class JsonContentFactory
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static HttpContent Create<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = Json;
        return content;
    }

    public static HttpContent Callback<T>(InteractionCallbackType callbackType, T? data, JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", (int)callbackType);
            if (data is not null)
            {
                writer.WritePropertyName("data");
                JsonSerializer.Serialize(writer, data, type);
            }
            writer.WriteEndObject();
        }
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = Json;
        return content;
    }

    public static HttpContent Message(MessagePayload payload, IReadOnlyList<FileUpload>? files)
    {
        if (files is null || files.Count == 0)
            return Create(payload, DiscordJson.Default.MessagePayload);

        var multipart = new MultipartFormDataContent();
        var json = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload, DiscordJson.Default.MessagePayload));
        json.Headers.ContentType = Json;
        multipart.Add(json, "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(files[i].Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            multipart.Add(file, $"files[{i}]", files[i].FileName);
        }
        return multipart;
    }
}
