using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>Identify, Resume, dispatching and the test-driven faults.</summary>
internal sealed partial class GatewayHub
{
    private async Task<bool> IdentifyAsync(GatewayConnection connection, JsonObject? d)
    {
        if (connection.Authenticated)
        {
            await connection.CloseAsync(4005);
            return false;
        }
        if (d?["token"]?.GetValue<string>() != server.Token)
        {
            await connection.CloseAsync(4004);
            return false;
        }
        var intents = d["intents"]?.GetValue<long>();
        if (intents is null || (intents.Value & ~Intents.Known) != 0)
        {
            await connection.CloseAsync(4013);
            return false;
        }
        if ((intents.Value & Intents.Privileged) != 0)
        {
            await connection.CloseAsync(4014);
            return false;
        }
        if (d["properties"] is not JsonObject properties || properties["os"] is null || properties["browser"] is null || properties["device"] is null)
        {
            await connection.CloseAsync(4002);
            return false;
        }

        var (shardId, shardCount, refusal) = CheckShard(d);
        if (refusal == -9)
        {
            await connection.SendAsync(Json(9, false));   // too early for its bucket (Gateway §Max Concurrency)
            return true;
        }
        if (refusal != 0)
        {
            await connection.CloseAsync(refusal);
            return false;
        }

        // The new session is live and holds its turn before anyone can see it, so READY is always its first event.
        var session = new GatewaySession(Guid.NewGuid().ToString("N"), intents.Value, shardId, shardCount) { Live = connection };
        await session.Turn.WaitAsync();
        List<GatewaySession> replaced;
        lock (server.Gate)
        {
            // A shard's new session replaces its old one; sessions of another shard count are gone too (a reshard).
            replaced = _sessions.Values.Where(s => s.ShardId == shardId || s.ShardCount != shardCount).ToList();
            foreach (var old in replaced)
                _sessions.Remove(old.ShardId);
            _sessions[shardId] = session;
            Stats.Identifies++;
            Stats.LastIdentify = (JsonObject)d.DeepClone();
        }
        connection.Session = session;
        foreach (var old in replaced)
        {
            if (old.Live is { } previous && previous != connection)
                previous.Socket.Abort();
            // Events the old session never delivered are lost with it; their interactions now fail for the user.
            foreach (var (_, _, clock) in old.Buffer.ToList())
                clock?.Start();
        }
        connection.Authenticated = true;
        try
        {
            var guilds = server.Guilds.Where(g => ShardOf(g.Id, shardCount) == shardId).ToList();
            var ready = new JsonObject
            {
                ["v"] = 10,
                ["user"] = server.Bot.ToJson(),
                ["guilds"] = new JsonArray(guilds.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id.ToString(), ["unavailable"] = true }).ToArray()),
                ["session_id"] = session.Id,
                ["resume_gateway_url"] = server.ResumeGatewayUrl,
                ["application"] = new JsonObject { ["id"] = server.ApplicationId.ToString(), ["flags"] = 0 },
            };
            if (d["shard"] is not null)
                ready["shard"] = new JsonArray(shardId, shardCount);
            if (server.NextReadyWithout is { } missing)
            {
                ready.Remove(missing);
                server.NextReadyWithout = null;
            }
            await SendInTurnAsync(session, "READY", ready, null);
            if ((session.Intents & Intents.Guilds) != 0)
                foreach (var guild in guilds)
                    await SendInTurnAsync(session, "GUILD_CREATE", guild.ToJson(), null);
        }
        finally { session.Turn.Release(); }
        return true;
    }

    private async Task<bool> ResumeAsync(GatewayConnection connection, JsonObject? d, bool viaResumeUrl)
    {
        if (d?["token"]?.GetValue<string>() != server.Token)
        {
            await connection.CloseAsync(4004);
            return false;
        }
        var sessionId = d["session_id"]?.GetValue<string>();
        var session = Sessions().FirstOrDefault(s => s.Id == sessionId);
        var seq = d["seq"]?.GetValue<int?>() ?? 0;
        var now = server.Time.GetUtcNow();
        if (session is not null && seq > session.Sequence)
        {
            await connection.CloseAsync(4007);   // a sequence the session never reached
            return false;
        }
        if (session is null || !session.Resumable
            || session.DisconnectedAt is { } at && now - at > server.Options.SessionResumeWindow)
        {
            await connection.SendAsync(Json(9, false));
            return true;
        }
        connection.Authenticated = true;
        connection.Session = session;
        lock (server.Gate)
        {
            Stats.Resumes++;
            Stats.LastResumeUrlUsed = viaResumeUrl;
        }
        await session.Turn.WaitAsync();
        try
        {
            // A resume takes the session over; an old socket the server has not yet seen close is dropped.
            if (session.Live is { } old && old != connection)
                old.Socket.Abort();
            session.Live = connection;
            session.DisconnectedAt = null;
            foreach (var (sequence, json, clock) in session.Buffer.Where(e => e.Sequence > seq).ToList())
                await SendAsync(connection, json, clock);
            var resumed = ++session.Sequence;
            var resumedJson = Json(0, new JsonObject(), resumed, "RESUMED");
            session.Buffer.Add((resumed, resumedJson, null));
            await connection.SendAsync(resumedJson);
        }
        finally { session.Turn.Release(); }
        return true;
    }

    /// <summary>Sends an event in the current session, or keeps it for the replay when the bot is disconnected.
    /// <paramref name="clock"/> starts as it actually goes out (the interaction deadline); <paramref name="intent"/>
    /// is the intent bit the event needs, 0 for events every session gets (READY, INTERACTION_CREATE…). It goes to the
    /// shard of its guild, or shard 0 without one.</summary>
    public async Task DispatchAsync(string type, JsonObject data, DispatchClock? clock = null, long intent = 0)
    {
        var session = SessionFor(type, data);
        if (session is not null && (session.Intents & intent) != intent) return;   // not subscribed: never sent (Gateway §Gateway Intents)
        if (session is null)
        {
            clock?.Start();   // no session to buffer it in: the event is lost, and an interaction's clock runs anyway
            return;
        }
        await session.Turn.WaitAsync();
        try
        {
            if (SessionFor(type, data) != session)
                clock?.Start();   // replaced while we waited: lost with the old session
            else
                await SendInTurnAsync(session, type, data, clock);
        }
        finally { session.Turn.Release(); }
    }

    // The caller holds the session's turn.
    private async Task SendInTurnAsync(GatewaySession session, string type, JsonObject data, DispatchClock? clock)
    {
        var sequence = ++session.Sequence;
        var json = Json(0, data, sequence, type);
        session.Buffer.Add((sequence, json, clock));
        lock (server.Gate) Stats.DispatchedEvents.Add((sequence, type));
        if (session.Live is { } live)
            await SendAsync(live, json, clock);
    }

    // The clock starts as the event leaves and stops again if it never arrived (see DispatchClock).
    private static async Task SendAsync(GatewayConnection connection, string json, DispatchClock? clock)
    {
        clock?.Start();
        if (!await connection.SendAsync(json))
            clock?.Stop();
    }

    public Task DropAsync(int? shard = null)
    {
        foreach (var session in Sessions(shard))
            session.Live?.Socket.Abort();
        return Task.CompletedTask;
    }

    public async Task CloseAsync(int code, int? shard = null)
    {
        foreach (var session in Sessions(shard))
        {
            if (code is 4003 or 4004 or 4007 or 4009 or >= 4010 and <= 4014 or 1000 or 1001)
                session.Resumable = false;
            if (session.Live is { } live) await live.CloseAsync(code);
        }
    }

    public async Task SendOpAsync(int op, JsonNode? d, int? shard = null)
    {
        foreach (var session in Sessions(shard))
            if (session.Live is { } live) await live.SendAsync(Json(op, d));
    }

    /// <summary>op 7, then the fake closes the socket itself (resumably) if the bot has not gone within the grace period.</summary>
    public async Task ReconnectAsync(int? shard = null)
    {
        foreach (var session in Sessions(shard))
        {
            if (session.Live is not { } live) continue;
            await live.SendAsync(Json(7, null));
            _ = Task.Delay(server.Options.ReconnectGracePeriod, server.Time).ContinueWith(
                _ => live.Socket.State == WebSocketState.Open ? live.CloseAsync(4000) : Task.CompletedTask, TaskScheduler.Default).Unwrap();
        }
    }

    public async Task InvalidateAsync(bool resumable, int? shard = null)
    {
        foreach (var session in Sessions(shard))
        {
            if (!resumable) session.Resumable = false;
            if (session.Live is { } live) await live.SendAsync(Json(9, resumable));
        }
    }

    public Task CloseAllAsync()
    {
        foreach (var session in Sessions())
            session.Live?.Socket.Abort();
        return Task.CompletedTask;
    }
}
