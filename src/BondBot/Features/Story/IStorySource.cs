using BondBot.Features.Memories;
using BondBot.Features.Pairing;

namespace BondBot.Features.Story;

/// <summary>The parts of the story, in the order the file shows them.</summary>
public enum StorySection { Rounds, Notes, Visits }

/// <summary>Whose story is being written. <see cref="Reader"/> is the person exporting their own data (they also see
/// what only they have seen, like their own note still on its way); null is the pair's shared story, holding only what
/// both partners have already seen. <see cref="Who"/> writes a person's name, already safe for Markdown.</summary>
public sealed record StoryRequest(Pair Pair, ulong? Reader, Func<ulong, string> Who)
{
    /// <summary>0 when nobody reads alone: no author is ever 0, so "written by the reader" matches nothing.</summary>
    public ulong ReaderOrNone => Reader ?? 0;
}

/// <summary>A feature whose moments belong in "our story" (<c>/privacy export</c> and <c>/privacy story</c>). Each source
/// reads only its own tables, only for <see cref="StoryRequest.Pair"/>, and returns entries whose
/// <see cref="Memory.Title"/> and <see cref="Memory.Body"/> are Markdown: people's words in block quotes, anything
/// else they typed escaped. Story owns the file; the features implement this, so the dependency points one way.</summary>
public interface IStorySource
{
    StorySection Section { get; }

    Task<IReadOnlyList<Memory>> ForStoryAsync(StoryRequest request, CancellationToken cancellationToken);
}
