using BondBot.Discord;
using BondBot.Interactions;

namespace BondBot.Features.Memories;

/// <summary>How a page of memories looks: one embed per memory (its date, the question, both answers), and buttons to
/// page newer and older. Long answers are shortened here only; <c>/privacy export</c> keeps them whole.</summary>
public static class MemoryCards
{
    public const string PagePrefix = "mem.page";
    private const string AllFilter = "-";
    /// <summary>Three memories of this size stay inside Discord's 6,000 characters across a message's embeds.</summary>
    private const int MaxMemoryLength = 1800;
    private const int Sepia = 0xA0522D;

    public static MessagePayload For(MemoryBook.Page page, string? filter, string? filterName)
    {
        if (page.Total == 0)
            return new MessagePayload
            {
                Content = filter is null
                    ? "📖 No memories yet. They gather here once you've both answered a question (`/question`), played `/guess` or `/this-or-that`."
                    : $"📖 Nothing in **{filterName}** yet. `/memories` alone shows everything you've shared.",
                Embeds = [],
                Components = [],
            };
        var last = page.Offset + page.Memories.Count;
        return new MessagePayload
        {
            Content = $"📖 Your memories{(filterName is null ? "" : $" · {filterName}")} — {page.Offset + 1}–{last} of {page.Total}, newest first. " +
                      "Only what you've both already seen.",
            Embeds = page.Memories.Select(m => new Embed
            {
                Description = DiscordLimits.Truncate($"<t:{m.At.ToUnixTimeSeconds()}:D>\n**{m.Title}**\n\n{m.Body}", MaxMemoryLength),
                Color = Sepia,
            }).ToList(),
            Components =
            [
                Component.Row(
                    Component.Button(CustomId.Create(PagePrefix, Math.Max(0, page.Offset - MemoryBook.PageSize), filter ?? AllFilter), "◀ Newer",
                        disabled: page.Offset == 0),
                    Component.Button(CustomId.Create(PagePrefix, last, filter ?? AllFilter), "Older ▶", disabled: last >= page.Total)),
            ],
        };
    }

    public static string? FilterOf(string? raw) => raw is null or AllFilter ? null : raw;
}
