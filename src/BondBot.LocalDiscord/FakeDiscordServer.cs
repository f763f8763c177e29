using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BondBot.FakeDiscord;

/// <summary>
/// A Discord API v10 stand-in on 127.0.0.1: REST under <c>/api/v10</c> and a gateway WebSocket, behaving as the
/// docs describe where it matters (limits, rate limits with real headers, the 3-second rule, resume semantics).
/// Tests act as users through it and read what the bot did.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    internal readonly Lock Gate = new();
    private readonly WebApplication _app;
    private readonly List<FakeUser> _users = [];
    private readonly List<FakeGuild> _guilds = [];
    private readonly Dictionary<ulong, FakeChannel> _channels = [];
    private readonly List<FakeMessage> _messages = [];
    private readonly List<FakeRequest> _requests = [];
    private readonly List<JsonNode> _sentBodies = [];
    private readonly ConcurrentDictionary<ulong, FakeInteraction> _interactions = new();
    private readonly List<JsonObject> _globalCommands = [];
    private readonly Dictionary<ulong, List<JsonObject>> _guildCommands = [];
    private readonly Snowflakes _ids;
    private readonly RestRateLimits _rateLimits;
    private readonly GatewayHub _gateway;

    private FakeDiscordServer(FakeDiscordOptions options)
    {
        Options = options;
        _ids = new Snowflakes(options.Time, options.UseHugeIds);
        _rateLimits = new RestRateLimits(options);
        ApplicationId = _ids.Next();
        Bot = new FakeUser(_ids.Next(), "BondBot", isBot: true);
        _gateway = new GatewayHub(this);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Run(context => context.Request.Path.Value switch
        {
            "/gateway" => _gateway.AcceptAsync(context, viaResumeUrl: false),
            "/gateway-resume" => _gateway.AcceptAsync(context, viaResumeUrl: true),
            _ => new RestHandler(this).HandleAsync(context),
        });
    }

    public FakeDiscordOptions Options { get; }
    public string Token => Options.Token;
    public ulong ApplicationId { get; }
    public ulong BotUserId => Bot.Id;
    internal FakeUser Bot { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public string ApiBaseUrl => $"{BaseAddress.ToString().TrimEnd('/')}/api/v10";
    public string GatewayUrl => $"ws://{BaseAddress.Authority}/gateway";
    public string ResumeGatewayUrl => $"ws://{BaseAddress.Authority}/gateway-resume";
    public FakeGatewayStats Gateway => _gateway.Stats;
    internal TimeProvider Time => Options.Time;
    internal RestRateLimits RateLimits => _rateLimits;
    internal GatewayHub Hub => _gateway;
    internal Snowflakes Ids => _ids;

    public bool AckHeartbeats { get => _gateway.AckHeartbeats; set => _gateway.AckHeartbeats = value; }

    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions? options = null)
    {
        var server = new FakeDiscordServer(options ?? new FakeDiscordOptions());
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Urls.First());
        return server;
    }

    // ---- observing ----
    public IReadOnlyList<FakeMessage> MessagesIn(ulong channelId) { lock (Gate) return _messages.Where(m => m.ChannelId == channelId && !m.Ephemeral).ToList(); }
    public IReadOnlyList<FakeMessage> DirectMessagesTo(FakeUser user)
    {
        lock (Gate)
        {
            var dm = _channels.Values.FirstOrDefault(c => c.Type == 1 && c.RecipientId == user.Id);
            return dm is null ? [] : _messages.Where(m => m.ChannelId == dm.Id && m.InteractionId is null).ToList();
        }
    }
    public IReadOnlyList<FakeMessage> AllMessages { get { lock (Gate) return _messages.ToList(); } }
    public IReadOnlyList<FakeRequest> Requests { get { lock (Gate) return _requests.ToList(); } }
    public IReadOnlyList<JsonNode> SentBodies { get { lock (Gate) return _sentBodies.ToList(); } }
    public IReadOnlyList<JsonObject> GlobalCommands { get { lock (Gate) return _globalCommands.ToList(); } }
    public IReadOnlyList<JsonObject> GuildCommands(ulong guildId) { lock (Gate) return _guildCommands.TryGetValue(guildId, out var c) ? c.ToList() : []; }
    public int CommandOverwriteCount { get; internal set; }

    /// <summary>Polls <paramref name="condition"/>; on timeout says what the bot did last, which is usually why.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null,
        [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        // A test's patience is real elapsed time (the transport is real), never the fake's clock, which tests move.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > limit)
                throw new TimeoutException($"The fake Discord did not reach '{expression}' within {limit.TotalSeconds:0.#} s. {Describe()}");
            await Task.Delay(20);
        }
    }

    private string Describe()
    {
        lock (Gate)
        {
            var requests = string.Join("; ", _requests.TakeLast(8).Select(r => $"{r.Method} {r.Path} → {r.Status}{(r.ErrorCode is { } c ? $" ({c})" : "")}"));
            var events = string.Join(", ", Gateway.DispatchedEvents.TakeLast(8).Select(e => $"{e.Sequence}:{e.Type}"));
            return $"Last requests: [{requests}]. Last dispatches: [{events}]. Gateway: {Gateway.Connections} connections, "
                + $"{Gateway.Identifies} identifies, {Gateway.Resumes} resumes, {Gateway.HeartbeatsReceived} heartbeats.";
        }
    }

    // ---- internal state access for the REST handler and the gateway ----
    internal void Record(FakeRequest request)
    {
        lock (Gate) _requests.Add(request);
        NotifyChanged();
    }
    internal void RecordBody(JsonNode body) { lock (Gate) _sentBodies.Add(body.DeepClone()); }
    internal FakeChannel? Channel(ulong id) { lock (Gate) return _channels.GetValueOrDefault(id); }
    internal FakeGuild? Guild(ulong id) { lock (Gate) return _guilds.FirstOrDefault(g => g.Id == id); }
    internal FakeUser? User(ulong id) { lock (Gate) return id == Bot.Id ? Bot : _users.FirstOrDefault(u => u.Id == id); }
    internal IReadOnlyList<FakeGuild> Guilds { get { lock (Gate) return _guilds.ToList(); } }
    internal FakeInteraction? Interaction(ulong id) => _interactions.GetValueOrDefault(id);
    internal FakeInteraction? InteractionByToken(string token) => _interactions.Values.FirstOrDefault(i => i.Token == token);
    internal List<JsonObject> CommandsFor(ulong? guildId)
    {
        if (guildId is null) return _globalCommands;
        if (!_guildCommands.TryGetValue(guildId.Value, out var list)) _guildCommands[guildId.Value] = list = [];
        return list;
    }
    internal FakeMessage? Message(ulong id) { lock (Gate) return _messages.FirstOrDefault(m => m.Id == id); }
    internal void DeleteMessage(FakeMessage message)
    {
        lock (Gate)
        {
            message.Deleted = true;
            _messages.Remove(message);
        }
    }
    internal void AddMessage(FakeMessage message) { lock (Gate) _messages.Add(message); }
    internal FakeMessage? FindByNonce(ulong channelId, string nonce, DateTimeOffset since)
    {
        lock (Gate) return _messages.FirstOrDefault(m => m.ChannelId == channelId && m.AuthorId == BotUserId && m.Nonce == nonce && m.CreatedAt >= since);
    }

    internal FakeChannel DmChannelFor(FakeUser user)
    {
        lock (Gate)
        {
            var existing = _channels.Values.FirstOrDefault(c => c.Type == 1 && c.RecipientId == user.Id);
            if (existing is not null) return existing;
            var channel = new FakeChannel(_ids.Next(), 1, null, null) { RecipientId = user.Id };
            _channels[channel.Id] = channel;
            return channel;
        }
    }

    internal FakeChannel CreateGuildChannel(FakeGuild guild, string name, int type, ulong? parentId, string? topic, IEnumerable<FakeOverwrite> overwrites)
    {
        FakeChannel channel;
        lock (Gate)
        {
            channel = new FakeChannel(_ids.Next(), type, guild.Id, name) { ParentId = parentId, Topic = topic };
            channel.PermissionOverwrites.AddRange(overwrites);
            _channels[channel.Id] = channel;
            guild.Channels.Add(channel);
        }
        _ = _gateway.DispatchAsync("CHANNEL_CREATE", channel.ToJson(), intent: Intents.Guilds);
        return channel;
    }

    internal FakeChannel? RemoveChannel(ulong channelId)
    {
        lock (Gate)
        {
            if (!_channels.Remove(channelId, out var channel)) return null;
            if (channel.GuildId is { } g) _guilds.FirstOrDefault(x => x.Id == g)?.Channels.Remove(channel);
            return channel;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.CloseAllAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
