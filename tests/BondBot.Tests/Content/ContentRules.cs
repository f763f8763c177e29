using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace BondBot.Tests.Content;

/// <summary>The style rules every card is held to (see the content guide): shared by the deck tests.</summary>
internal static partial class ContentRules
{
    [GeneratedRegex(@"^(Do|Does|Did|Is|Isn't|Are|Aren't|Was|Were|Have|Has|Had|Can|Could|Would|Will|Should|Shall|Am|May|Might|Must)\b")]
    public static partial Regex YesNoOpening();

    [GeneratedRegex(@"\b(he|she|him|his|her|hers|himself|herself|boyfriend|girlfriend|husband|wife|husbands|wives|man|woman|men|women|guy|guys|girl|girls|boy|boys|lady|ladies|gentleman|bride|groom|hubby|wifey|fianc[eé]e?)\b", RegexOptions.IgnoreCase)]
    public static partial Regex Gendered();

    [GeneratedRegex(@"what comes up for you|show up (for|in) relationships|going on inside you|hold space|love language|inner child|trauma|attachment style|triggered|toxic|gaslight|narcissis", RegexOptions.IgnoreCase)]
    public static partial Regex TherapyIdiom();

    [GeneratedRegex(@"[a-z']+")]
    private static partial Regex Word();


    private static readonly HashSet<string> StopWords = [.. """
        a an the and or but of to in on at for with about you your yours i me my mine we us our ours it its is are was were be been
        do does did what which who whom how when where why that this these those one some something someone thing things time would
        could should will can have has had there their they them if so as from by into than then just more most very
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)];

    public static string[] Words(string text) => Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();

    public static HashSet<string> ContentWords(string text) => Words(text).Where(w => !StopWords.Contains(w)).ToHashSet();

    /// <summary>Word overlap of two texts' content words (0 to 1); 0.6 and above reads as the same card.</summary>
    public static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count < 3 || b.Count < 3) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>Every pair of items whose content words overlap by <paramref name="threshold"/> or more. Only pairs that
    /// share a word are compared (an index from word to items), so a deck of thousands is checked in moments.</summary>
    public static List<string> NearDuplicates(IReadOnlyList<(string Id, HashSet<string> Words)> items, double threshold = 0.6)
    {
        var byWord = new Dictionary<string, List<int>>();
        for (var i = 0; i < items.Count; i++)
            foreach (var word in items[i].Words)
                (byWord.TryGetValue(word, out var list) ? list : byWord[word] = []).Add(i);
        var found = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var candidates = items[i].Words.SelectMany(w => byWord[w]).Where(j => j > i).ToHashSet();
            foreach (var j in candidates)
                if (Overlap(items[i].Words, items[j].Words) >= threshold)
                    found.Add($"{items[i].Id} ~ {items[j].Id}");
        }
        return found;
    }

    /// <summary>Copying is found as a shared run of <see cref="RunLength"/> words, wherever it sits in a sentence.</summary>
    public const int RunLength = 8;

    /// <summary>The hashes of every run of eight words in a text, normalised the way <c>shared-shingles.sha256</c> was made.</summary>
    public static IEnumerable<string> RunHashes(string text)
    {
        var words = Words(text);
        for (var i = 0; i + RunLength <= words.Length; i++)
            yield return Hash(string.Join(' ', words[i..(i + RunLength)]));
    }

    public static string Hash(string normalised) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)))[..16].ToLowerInvariant();

    /// <summary>Runs of words BondBot's content must never share with the notes it is written from: the notes beside
    /// the repository when present, and the hashes of them kept here (so a clean clone checks too).</summary>
    public static HashSet<string> ForbiddenRunHashes()
    {
        var hashes = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Content", "shared-shingles.sha256"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
        var shared = Path.Combine(Support.RepositoryRoot.Path, "..", "shared");
        if (Directory.Exists(shared))
            foreach (var file in Directory.GetFiles(shared, "*.md"))
                hashes.UnionWith(RunHashes(File.ReadAllText(file)));
        return hashes;
    }
}
