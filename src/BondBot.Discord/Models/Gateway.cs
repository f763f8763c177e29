using System.Text.Json;

namespace BondBot.Discord;

/// <summary>Result of <c>GET /gateway/bot</c> (Gateway §Get Gateway Bot).</summary>
public sealed record GatewayBotInfo
{
    /// <summary>WSS URL to connect to.</summary>
    public string Url { get; init; } = "";
    /// <summary>Recommended shard count.</summary>
    public int Shards { get; init; }
    /// <summary>Identify budget.</summary>
    public SessionStartLimit? SessionStartLimit { get; init; }
}

/// <summary>Identify budget (Gateway §Session Start Limit Object).</summary>
public sealed record SessionStartLimit
{
    /// <summary>Total identifies per window.</summary>
    public int Total { get; init; }
    /// <summary>Identifies left.</summary>
    public int Remaining { get; init; }
    /// <summary>Milliseconds until the budget resets.</summary>
    public long ResetAfter { get; init; }
    /// <summary>Identifies allowed per 5 seconds.</summary>
    public int MaxConcurrency { get; init; } = 1;
}

/// <summary>The current application (Application §Application Object), only its id and name.</summary>
public sealed record Application
{
    /// <summary>Application id.</summary>
    public ulong Id { get; init; }
    /// <summary>Name.</summary>
    public string? Name { get; init; }
}

/// <summary>Gateway envelope (Gateway Events §Payload Structure).</summary>
internal sealed record GatewayPayload
{
    public int Op { get; init; }
    public JsonElement? D { get; init; }
    public int? S { get; init; }
    public string? T { get; init; }
}

internal sealed record HelloData(int HeartbeatInterval);

internal sealed record ReadyData
{
    /// <summary>What a usable READY must carry; a malformed one is logged and the connection started over.</summary>
    public bool IsComplete => !string.IsNullOrEmpty(SessionId) && Uri.TryCreate(ResumeGatewayUrl, UriKind.Absolute, out _) && Application.Id != 0;

    public int V { get; init; }
    public User User { get; init; } = new();
    public string SessionId { get; init; } = "";
    public string ResumeGatewayUrl { get; init; } = "";
    public Application Application { get; init; } = new();
}

internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties)
{
    /// <summary><c>[shard_id, num_shards]</c>, zero-based (Gateway Events §Identify Structure).</summary>
    public int[]? Shard { get; init; }

    /// <summary>Never prints the token: records print every member by default, and this one could reach a log.</summary>
    public override string ToString() => $"IdentifyData {{ Token = [redacted], Intents = {Intents}, Shard = [{string.Join(", ", Shard ?? [])}] }}";
}

internal sealed record IdentifyProperties(string Os, string Browser, string Device);

internal sealed record ResumeData(string Token, string SessionId, int? Seq)
{
    /// <summary>Never prints the token (see <see cref="IdentifyData.ToString"/>).</summary>
    public override string ToString() => $"ResumeData {{ Token = [redacted], SessionId = {SessionId}, Seq = {Seq} }}";
}

internal sealed record OutgoingPayload<T>(int Op, T D);
