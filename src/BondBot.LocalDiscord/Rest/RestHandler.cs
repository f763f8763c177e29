using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace BondBot.FakeDiscord;

/// <summary>One REST request: authentication, User-Agent, rate limits, then the endpoint. Errors use Discord's shape.</summary>
internal sealed partial class RestHandler(FakeDiscordServer server)
{
    private const string Prefix = "/api/v10/";
    private HttpContext _context = null!;
    private string _path = "";
    private int? _errorCode;
    private string? _bodyText;

    public async Task HandleAsync(HttpContext context)
    {
        _context = context;
        var raw = context.Request.Path.Value ?? "";
        _path = raw.StartsWith(Prefix, StringComparison.Ordinal) ? raw[Prefix.Length..] : raw;
        try
        {
            await RouteAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or System.Text.Json.JsonException && !context.Response.HasStarted)
        {
            // A field of the wrong JSON type (a number as a string, an object for an array…) is a form error at Discord.
            await InvalidFormAsync(new() { ["_errors"] = $"Invalid form body: {e.Message}" });
        }
        finally
        {
            server.Record(new FakeRequest(context.Request.Method, _path, context.Response.StatusCode, _errorCode, server.Time.GetUtcNow(), _bodyText));
        }
    }

    private async Task RouteAsync()
    {
        if (!(_context.Request.Path.Value ?? "").StartsWith(Prefix, StringComparison.Ordinal))
        {
            await ErrorAsync(404, 0, "404: Not Found");
            return;
        }
        if (_context.Request.Headers.Authorization.ToString() != $"Bot {server.Token}")
        {
            await ErrorAsync(401, 0, "401: Unauthorized");
            return;
        }
        if (!_context.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            await ErrorAsync(400, 0, "Invalid User-Agent");
            return;
        }
        var segments = _path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var method = _context.Request.Method;
        var route = server.RateLimits.Classify(method, segments);
        var decision = server.RateLimits.Check(_path, route);
        foreach (var (name, value) in decision.Headers)
            _context.Response.Headers[name] = value;
        if (decision.Status != 0)
        {
            _context.Response.StatusCode = decision.Status;
            await WriteJsonAsync(decision.Body!);
            return;
        }
        try
        {
            await server.WaitIfHeldAsync(_path, _context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;   // the client went away while held: nothing is applied
        }
        await DispatchAsync(method, segments);
    }

    private Task DispatchAsync(string method, string[] s) => (method, s) switch
    {
        ("GET", ["gateway", "bot"]) => OkAsync(new JsonObject
        {
            ["url"] = server.GatewayUrl, ["shards"] = server.RecommendedShards,
            ["session_start_limit"] = server.Hub.SessionStartLimit(),
        }),
        ("GET", ["gateway"]) => OkAsync(new JsonObject { ["url"] = server.GatewayUrl }),
        ("GET", ["users", "@me"]) => OkAsync(server.Bot.ToJson()),
        ("GET", ["users", var u]) => Id(u) is { } userId && server.User(userId) is { } user ? OkAsync(user.ToJson()) : ErrorAsync(404, 10013, "Unknown User"),
        ("GET", ["applications", "@me"]) or ("GET", ["oauth2", "applications", "@me"]) =>
            OkAsync(new JsonObject { ["id"] = server.ApplicationId.ToString(), ["name"] = "BondBot", ["flags"] = 0, ["bot"] = server.Bot.ToJson() }),
        ("GET" or "PUT", ["applications", var app, "commands"]) => CommandsAsync(method, app, null),
        ("GET" or "PUT", ["applications", var app, "guilds", var g, "commands"]) => CommandsAsync(method, app, g),
        ("POST", ["interactions", var id, var token, "callback"]) => CallbackAsync(id, token),
        (_, ["webhooks", var app, var token, "messages", var which]) => WebhookMessageAsync(method, app, token, which),
        ("POST", ["webhooks", var app, var token]) => FollowUpAsync(app, token),
        ("POST", ["users", "@me", "channels"]) => OpenDmAsync(),
        ("POST", ["channels", var c, "messages"]) => CreateMessageAsync(c),
        ("PATCH", ["channels", var c, "messages", var m]) => EditMessageAsync(c, m),
        ("GET", ["channels", var c, "messages", var m]) => GetMessageAsync(c, m),
        ("DELETE", ["channels", var c, "messages", var m]) => DeleteMessageAsync(c, m),
        ("GET", ["channels", var c]) => GetChannelAsync(c),
        ("DELETE", ["channels", var c]) => DeleteChannelAsync(c),
        ("POST", ["guilds", var g, "channels"]) => CreateGuildChannelAsync(g),
        ("GET", ["guilds", var g, "members", var u]) => GetMemberAsync(g, u),
        ("GET", ["guilds", var g, "roles"]) => GetRolesAsync(g),
        ("GET", ["guilds", var g]) => GetGuildAsync(g),
        _ => ErrorAsync(404, 0, "404: Not Found"),
    };

    // ---- helpers shared by the endpoints ----

    private async Task<JsonObject?> ReadJsonAsync()
    {
        if (!(_context.Request.ContentType ?? "").StartsWith("application/json", StringComparison.Ordinal))
        {
            await ErrorAsync(400, 50035, "Invalid Form Body", new() { ["_errors"] = "Expected Content-Type application/json." });
            return null;
        }
        using var reader = new StreamReader(_context.Request.Body, Encoding.UTF8);
        _bodyText = await reader.ReadToEndAsync();
        try
        {
            var node = JsonNode.Parse(_bodyText);
            if (node is JsonObject or JsonArray) return node is JsonObject o ? o : new JsonObject { ["__array"] = node };
        }
        catch (System.Text.Json.JsonException) { }
        await ErrorAsync(400, 50109, "The request body contains invalid JSON.");
        return null;
    }

    private Task OkAsync(JsonNode body, int status = 200)
    {
        _context.Response.StatusCode = status;
        return WriteJsonAsync(body);
    }

    private Task NoContentAsync()
    {
        _context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private Task ErrorAsync(int status, int code, string message, Dictionary<string, string>? fieldErrors = null)
    {
        _context.Response.StatusCode = status;
        _errorCode = code;
        var body = new JsonObject { ["code"] = code, ["message"] = message };
        if (fieldErrors is { Count: > 0 })
        {
            var errors = new JsonObject();
            foreach (var (path, text) in fieldErrors)
            {
                var node = errors;
                foreach (var part in path.Split('.').Where(p => p != "_errors"))
                    node = (JsonObject)(node[part] ??= new JsonObject());
                node["_errors"] = new JsonArray(new JsonObject { ["code"] = "BASE_TYPE_INVALID", ["message"] = text });
            }
            body["errors"] = errors;
        }
        return WriteJsonAsync(body);
    }

    private Task InvalidFormAsync(Dictionary<string, string> errors) => ErrorAsync(400, 50035, "Invalid Form Body", errors);

    private async Task WriteJsonAsync(JsonNode body)
    {
        _context.Response.ContentType = "application/json";
        await _context.Response.WriteAsync(body.ToJsonString());
    }

    private static ulong? Id(string text) => ulong.TryParse(text, out var id) ? id : null;
}
