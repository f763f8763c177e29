using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord.Tests.Support;

/// <summary>A raw HTTP client for the fake's REST API, sending what a well-behaved bot sends.</summary>
internal static class TestApi
{
    public const string UserAgent = "DiscordBot (https://example.test, 1.0)";

    public static HttpClient Client(FakeDiscordServer fake, bool authorize = true, string? userAgent = UserAgent)
    {
        var http = new HttpClient { BaseAddress = new Uri(fake.ApiBaseUrl + "/") };
        if (authorize) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", fake.Token);
        if (userAgent is not null) http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        return http;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient http, string path, JsonNode body) =>
        http.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient http, string path, JsonNode body) =>
        http.PutAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient http, string path, JsonNode body) =>
        http.PatchAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public static Task<HttpResponseMessage> CallbackAsync(this HttpClient http, FakeInteraction interaction, JsonNode body, string query = "") =>
        http.PostJsonAsync($"interactions/{interaction.Id}/{interaction.Token}/callback{query}", body);

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<int> ErrorCodeAsync(this HttpResponseMessage response) => (await response.JsonAsync())["code"]!.GetValue<int>();

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : throw new Xunit.Sdk.XunitException($"No {name} header.");

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
