using System.Text;
using BondBot.Features.Memories;
using BondBot.Features.Pairing;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.Story;

/// <summary>"Our story": a Markdown file people can keep and read without BondBot, with names instead of ids and real
/// characters instead of escapes. Each pairing is one chapter: the rounds you revealed, the notes between you and your
/// visits, each in time order. Every feature writes its own entries (<see cref="IStorySource"/>).</summary>
public sealed class OurStory(IEnumerable<IStorySource> sources, StoryNames names, IClock clock)
{
    public const string FileName = "our-story.md";
    private static readonly LocalDatePattern Day = LocalDatePattern.Iso;

    /// <summary>The story of every pairing <paramref name="reader"/> has been in, as they are entitled to see it.</summary>
    public async Task<byte[]> ForExportAsync(ulong reader, IReadOnlyList<Pair> pairs, CancellationToken cancellationToken)
    {
        var who = await names.ForAsync(pairs.SelectMany(p => new[] { p.UserA, p.UserB }).Append(reader), reader, cancellationToken);
        var text = new StringBuilder($"# Our story\n\nWritten for {who(reader)} on {Today()}, from everything BondBot keeps of your pairings. " +
                                     "Your words and your partners' are quoted as they were written.\n");
        if (pairs.Count == 0)
            text.Append("\nYou haven't been paired yet, so there is no story to tell.\n");
        foreach (var pair in pairs)
            await ChapterAsync(text, new StoryRequest(pair, reader, who), cancellationToken);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The pair's shared story: only what both partners have already seen, the same for either of them.</summary>
    public async Task<byte[]> SharedAsync(Pair pair, ulong askedBy, CancellationToken cancellationToken)
    {
        var who = await names.ForAsync([pair.UserA, pair.UserB], askedBy, cancellationToken);
        var text = new StringBuilder($"# Our story\n\nWritten on {Today()}. It holds only what you've both already seen: " +
                                     "sealed notes still closed and notes still on their way stay out until they've arrived.\n");
        await ChapterAsync(text, new StoryRequest(pair, null, who), cancellationToken);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task ChapterAsync(StringBuilder text, StoryRequest request, CancellationToken cancellationToken)
    {
        var pair = request.Pair;
        text.Append($"\n## {request.Who(pair.UserA)} & {request.Who(pair.UserB)}\n\nPaired on {DateOf(pair.CreatedAt)}.\n");
        var entries = new Dictionary<StorySection, List<Memory>>();
        foreach (var source in sources)
        {
            if (!entries.TryGetValue(source.Section, out var list))
                entries[source.Section] = list = [];
            list.AddRange(await source.ForStoryAsync(request, cancellationToken));
        }
        foreach (var section in Enum.GetValues<StorySection>())
        {
            var list = entries.GetValueOrDefault(section) ?? [];
            if (!text.ToString().EndsWith("\n\n", StringComparison.Ordinal))
                text.Append('\n');
            text.Append($"### {Heading(section)}\n\n");
            if (list.Count == 0)
                text.Append($"{Empty(section)}\n");
            foreach (var entry in list.OrderBy(e => e.At))
                text.Append($"#### {DateOf(entry.At)} · {entry.Title}\n\n{entry.Body}\n\n");
        }
    }

    private static string Heading(StorySection section) => section switch
    {
        StorySection.Rounds => "Rounds you revealed together",
        StorySection.Notes => "Notes between you",
        _ => "Visits",
    };

    private static string Empty(StorySection section) => section switch
    {
        StorySection.Rounds => "No revealed rounds yet.",
        StorySection.Notes => "No notes yet.",
        _ => "No visits set.",
    };

    private string Today() => Day.Format(clock.GetCurrentInstant().InUtc().Date);

    private static string DateOf(Instant at) => Day.Format(at.InUtc().Date);
}
