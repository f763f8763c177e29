using System.Text.Json;
using BondBot.Discord.Json;

namespace BondBot.Discord.Gateway;

/// <summary>
/// One dispatch event (op 0) as received: its name, sequence, raw data, and when it arrived here. Interaction
/// deadlines are measured from <see cref="ReceivedAt"/>, local receipt, never from snowflake time, so a skewed
/// clock cannot eat the 3-second budget.
/// </summary>
public sealed record GatewayDispatch(string Type, int Sequence, JsonElement Data, DateTimeOffset ReceivedAt)
{
    /// <summary>The shard whose session received it (0 unless the bot is sharded).</summary>
    public int ShardId { get; init; }

    /// <summary>Reads <see cref="Data"/> as an interaction (INTERACTION_CREATE).</summary>
    public Interaction AsInteraction() => Data.Deserialize(DiscordJson.Default.Interaction)!;
    /// <summary>Reads <see cref="Data"/> as a channel (CHANNEL_CREATE, CHANNEL_DELETE).</summary>
    public Channel AsChannel() => Data.Deserialize(DiscordJson.Default.Channel)!;
    /// <summary>Reads <see cref="Data"/> as a message (MESSAGE_CREATE).</summary>
    public Message AsMessage() => Data.Deserialize(DiscordJson.Default.Message)!;
}
