using BondBot.Discord;
using BondBot.Discord.Rest;
using Microsoft.Extensions.Logging;

namespace BondBot.Features.Story;

/// <summary>People's names as Discord shows them (display name, else username), escaped for Markdown. A name that
/// can't be had (the account is gone, Discord is down) reads "you" for the reader and "your partner" for anyone else,
/// so a story is never held back for a name. Names are never logged.</summary>
public sealed class StoryNames(DiscordRestClient rest, ILogger<StoryNames> logger)
{
    public async Task<Func<ulong, string>> ForAsync(IEnumerable<ulong> userIds, ulong reader, CancellationToken cancellationToken)
    {
        var names = new Dictionary<ulong, string>();
        foreach (var id in userIds.Distinct())
            if (await NameOfAsync(id, cancellationToken) is { } name)
                names[id] = StoryMarkdown.Escape(name);
        return id => names.TryGetValue(id, out var name) ? name : id == reader ? "you" : "your partner";
    }

    private async Task<string?> NameOfAsync(ulong userId, CancellationToken cancellationToken)
    {
        if (userId == 0)
            return null;   // an erased person's rows keep 0 in place of their id
        try
        {
            return await rest.GetUserAsync(userId, cancellationToken) is { } user && !string.IsNullOrWhiteSpace(user.DisplayName) ? user.DisplayName : null;
        }
        catch (Exception e) when (e is DiscordApiException or HttpRequestException)
        {
            logger.LogInformation("A name for the story could not be fetched ({Error}); a neutral word stands in", e.GetType().Name);
            return null;
        }
    }
}
