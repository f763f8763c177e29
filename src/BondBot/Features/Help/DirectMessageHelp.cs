using System.Collections.Concurrent;
using BondBot.Discord;
using BondBot.Discord.Gateway;
using BondBot.Discord.Rest;
using BondBot.Features.Delivery;
using BondBot.Interactions;
using Microsoft.Extensions.Logging;

namespace BondBot.Features.Help;

/// <summary>
/// A message someone writes to BondBot in DMs gets a short help card instead of silence: BondBot works through slash
/// commands, which also work in that chat. At most one card per person every <see cref="Quiet"/>, so a conversation
/// typed at the bot is answered once, and nothing of what they wrote is read further or stored. (DM content arrives
/// without the privileged message-content intent.)
/// </summary>
public sealed class DirectMessageHelp(ChannelMessenger channels, TimeProvider time, ILogger<DirectMessageHelp> logger) : IGatewayEventHandler
{
    public static readonly TimeSpan Quiet = TimeSpan.FromMinutes(10);
    private const int Remembered = 10_000;
    private readonly ConcurrentDictionary<ulong, DateTimeOffset> _lastCard = new();

    public bool Handles(string eventType) => eventType == GatewayEvents.MessageCreate;

    public async Task HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        Message message;
        try
        {
            message = dispatch.AsMessage();
        }
        catch (System.Text.Json.JsonException)
        {
            return;
        }
        if (message.GuildId is not null || message.Author is not { Bot: not true } author || !TryTake(author.Id))
            return;
        try
        {
            await channels.PostAsync(message.ChannelId, Card(), cancellationToken);
        }
        catch (DiscordApiException e)
        {
            logger.LogInformation("Could not answer a DM from {UserId} with the help card: {Code}", author.Id, e.Code);
        }
    }

    public static MessagePayload Card() => new()
    {
        Embeds =
        [
            new Embed
            {
                Title = "👋 Hi, I'm BondBot",
                Description = "I don't read messages here, but every command works right in this chat. Type `/` to see them.\n\n**Start here**\n" +
                              string.Join('\n', HelpCommand.StartHere.Select((s, i) => $"{i + 1}. `/{s.Command}` — {s.What}")) +
                              "\n\n`/help` shows everything, and how your answers stay private.",
                Color = 0xE91E63,
            },
        ],
    };

    private bool TryTake(ulong userId)
    {
        var now = time.GetUtcNow();
        if (_lastCard.TryGetValue(userId, out var last) && now - last < Quiet)
            return false;
        if (_lastCard.Count > Remembered)
            foreach (var old in _lastCard.Where(p => now - p.Value >= Quiet).Select(p => p.Key).ToList())
                _lastCard.TryRemove(old, out _);
        _lastCard[userId] = now;
        return true;
    }
}
