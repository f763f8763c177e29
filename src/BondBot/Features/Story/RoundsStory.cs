using BondBot.Features.Memories;

namespace BondBot.Features.Story;

/// <summary>The revealed rounds of every format, as <c>/memories</c> shows them, with names in place of mentions: each
/// feature keeps owning its own SQL and its rule that an unrevealed round never appears.</summary>
public sealed class RoundsStory(IEnumerable<IMemorySource> sources) : IStorySource
{
    public StorySection Section => StorySection.Rounds;

    public async Task<IReadOnlyList<Memory>> ForStoryAsync(StoryRequest request, CancellationToken cancellationToken)
    {
        var rounds = new List<Memory>();
        foreach (var source in sources)
            rounds.AddRange((await source.ForPairAsync(request.Pair, null, request.Who, cancellationToken))
                .Select(m => m with { Title = StoryMarkdown.Escape(m.Title) }));
        return rounds;
    }
}
