using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Memories;

/// <summary><c>/memories [category]</c>: only you see it: the rounds you two have revealed, newest first, three to a
/// page, filtered by a question category or a format. Never a round that isn't revealed, never another pairing's.</summary>
public sealed class MemoriesCommand(MemoryBook book, PairingRepository pairs) : ISlashCommand
{
    public ApplicationCommand Definition => new()
    {
        Name = "memories",
        Description = "Look back at what you two have shared: revealed questions, guesses, This or that",
        Options =
        [
            new CommandOption
            {
                Type = CommandOptionType.String, Name = "category", Description = "Only one kind of question, or one format",
                Choices = book.Filters.Select(f => CommandChoice.Of(f.Name, f.Key)).ToList(),
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairs, "Memories are what you and a partner share. Pair up first with `/pair partner:@them`.", cancellationToken) is not { } pair)
            return;
        var filter = context.Data.GetString("category");
        var page = await book.PageAsync(pair, filter, 0, cancellationToken);
        await context.ReplyPrivatelyAsync(MemoryCards.For(page, filter, NameOf(book, filter)), cancellationToken);
    }

    internal static string? NameOf(MemoryBook book, string? filter) => filter is null ? null : book.Filters.FirstOrDefault(f => f.Key == filter).Name ?? filter;
}

/// <summary><b>◀ Newer</b> / <b>Older ▶</b>: the same private message shows the next page, for the presser's current
/// pair only (a page kept from an earlier pairing shows nothing of it).</summary>
public sealed class MemoryPageHandler(MemoryBook book, PairingRepository pairs) : IComponentHandler
{
    public string Prefix => MemoryCards.PagePrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        if (await context.PairOrReplyAsync(pairs, "You're not paired now, so there are no shared memories to show.", cancellationToken) is not { } pair)
            return;
        var filter = MemoryCards.FilterOf(customId.At(1));
        var page = await book.PageAsync(pair, filter, (int)(customId.LongAt(0) ?? 0), cancellationToken);
        await context.Responder.UpdateMessageAsync(MemoryCards.For(page, filter, MemoriesCommand.NameOf(book, filter)), cancellationToken);
    }
}
