using BondBot.Features.Pairing;
using NodaTime;

namespace BondBot.Features.Memories;

/// <summary>One thing the two of you shared and both saw: a revealed question, a guessing round, a This or that run.
/// <see cref="Body"/> is ready to show (the source knows how its own rounds read).</summary>
public sealed record Memory(Instant At, string Title, string Body);

/// <summary>A feature whose revealed rounds belong in <c>/memories</c>. Each source reads only its own tables, returns only
/// what both partners of <em>this</em> pair have already seen, and offers the filters it understands (a question
/// category, or the format itself). Memories owns the book; the features implement this, so the dependency points one way.</summary>
public interface IMemorySource
{
    /// <summary>Filters for the <c>category</c> option: key and name.</summary>
    IReadOnlyList<(string Key, string Name)> Filters { get; }

    /// <summary>The pair's memories, any order; with a <paramref name="filter"/> this source doesn't offer, none. Each person
    /// in a body is written as <paramref name="who"/> gives them: a mention in Discord, a name in the exported story.</summary>
    Task<IReadOnlyList<Memory>> ForPairAsync(Pair pair, string? filter, Func<ulong, string> who, CancellationToken cancellationToken);
}
