namespace BondBot.Discord.Rest;

/// <summary>
/// A last look at every message the client sends (channel messages, edits, interaction replies and follow-ups):
/// an application can rewrite its text here, for example to turn command names into clickable command mentions.
/// It runs before the payload is checked against Discord's limits, so a rewrite cannot slip past them.
/// </summary>
public interface IOutgoingMessageFilter
{
    /// <summary>The message to send instead of <paramref name="message"/> (or the same one).</summary>
    MessagePayload Apply(MessagePayload message);
}
