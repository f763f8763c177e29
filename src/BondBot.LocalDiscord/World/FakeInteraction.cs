using System.Text.Json.Nodes;

namespace BondBot.FakeDiscord;

/// <summary>One interaction a test user triggered, and everything the bot answered to it.</summary>
public sealed class FakeInteraction
{
    private readonly TaskCompletionSource<JsonObject> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeInteraction(ulong id, string token, int type, FakeUser user, ulong? guildId, ulong channelId, JsonObject payload, FakeMessage? sourceMessage)
    {
        Id = id;
        Token = token;
        Type = type;
        User = user;
        GuildId = guildId;
        ChannelId = channelId;
        Payload = payload;
        SourceMessage = sourceMessage;
    }

    public ulong Id { get; }
    public string Token { get; }
    public int Type { get; }
    public FakeUser User { get; }
    public ulong? GuildId { get; }
    public ulong ChannelId { get; }
    /// <summary>The INTERACTION_CREATE data as dispatched.</summary>
    public JsonObject Payload { get; }
    /// <summary>The message a component was on (components, and modals opened from them).</summary>
    public FakeMessage? SourceMessage { get; }

    /// <summary>Completes with the first callback body {type, data}; faults with TimeoutException when not acknowledged in time.</summary>
    public Task<JsonObject> FirstResponse => _first.Task;
    public JsonObject? Modal { get; internal set; }
    public FakeMessage? OriginalResponse { get; internal set; }
    public List<FakeMessage> FollowUps { get; } = [];
    public List<JsonObject> AutocompleteChoices { get; } = [];
    public bool Expired { get; internal set; }
    public bool Acknowledged => Volatile.Read(ref _acknowledging) == 1 && !Expired;
    internal DateTimeOffset? SentAt { get; set; }
    internal int CallbackType { get; set; }

    private int _acknowledging;

    /// <summary>Claims the one allowed acknowledgement; the caller records its effects, then calls <see cref="CompleteAcknowledge"/>.</summary>
    internal bool TryBeginAcknowledge() => Interlocked.Exchange(ref _acknowledging, 1) == 0;

    internal void CompleteAcknowledge(JsonObject body) => _first.TrySetResult(body);

    internal void Expire()
    {
        Expired = true;
        _first.TrySetException(new TimeoutException($"Interaction {Id} was not acknowledged within the deadline."));
    }
}
