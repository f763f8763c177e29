using BondBot.Features.Pairing;

namespace BondBot.Features.Memories;

/// <summary>All of a pair's memories from every source, newest first, a page at a time.</summary>
public sealed class MemoryBook(IEnumerable<IMemorySource> sources)
{
    public const int PageSize = 3;

    public sealed record Page(IReadOnlyList<Memory> Memories, int Offset, int Total);

    /// <summary>Every filter the sources offer, in their order (≤ 25: one Discord option's choices).</summary>
    public IReadOnlyList<(string Key, string Name)> Filters => sources.SelectMany(s => s.Filters).Take(25).ToList();

    public async Task<Page> PageAsync(Pair pair, string? filter, int offset, CancellationToken cancellationToken)
    {
        var all = new List<Memory>();
        foreach (var source in sources)
            all.AddRange(await source.ForPairAsync(pair, filter, PairingMessages.Mention, cancellationToken));
        all.Sort((a, b) => b.At.CompareTo(a.At));
        var start = Math.Clamp(offset, 0, Math.Max(0, (all.Count - 1) / PageSize * PageSize));
        return new Page(all.Skip(start).Take(PageSize).ToList(), start, all.Count);
    }
}
