namespace BondBot.Discord.Gateway;

/// <summary>
/// Which shards this process runs (the <c>Discord:ShardIds</c> setting): ids and inclusive ranges separated by
/// commas, e.g. <c>0-3</c>, <c>0,2</c> or <c>0-1,4</c>. Empty means every shard of the count (Gateway §Sharding).
/// </summary>
public static class ShardSelection
{
    /// <summary>The ids written in <paramref name="text"/>, sorted and distinct; null when empty (all shards).</summary>
    /// <exception cref="FormatException">The text is not a list of ids and ranges; the message says what is wrong.</exception>
    public static IReadOnlyList<int>? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var ids = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', 1 < part.Length ? 1 : 0);
            if (dash > 0)
            {
                var from = Id(part[..dash].Trim(), text);
                var to = Id(part[(dash + 1)..].Trim(), text);
                if (to < from)
                    throw new FormatException($"Discord:ShardIds \"{text}\" has the range {part} running backwards; write it as {to}-{from}.");
                for (var id = from; id <= to; id++)
                    ids.Add(id);
            }
            else
            {
                ids.Add(Id(part, text));
            }
        }
        return ids.ToList();
    }

    /// <summary>The shards to run: <paramref name="selected"/> or, when null, 0 … count − 1.</summary>
    /// <exception cref="ArgumentException">A selected id is not below <paramref name="count"/>.</exception>
    public static IReadOnlyList<int> Resolve(IReadOnlyList<int>? selected, int count)
    {
        if (selected is null)
            return Enumerable.Range(0, count).ToList();
        if (selected.FirstOrDefault(id => id >= count) is var outside && outside >= count)
            throw new ArgumentException($"Discord:ShardIds names shard {outside}, but there are only {count} shards (ids 0-{count - 1}); lower the ids or raise Discord:ShardCount.");
        return selected;
    }

    private static int Id(string part, string text) =>
        int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new FormatException($"Discord:ShardIds \"{text}\" is not a list of shard ids; use ids and ranges such as 0-3 or 0,2 (\"{part}\" is not a shard id).");
}
