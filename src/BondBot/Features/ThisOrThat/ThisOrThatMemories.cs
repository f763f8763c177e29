using BondBot.Features.Memories;
using BondBot.Features.Pairing;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.ThisOrThat;

/// <summary>Revealed This or that runs of the pair for <c>/memories</c>: each pair of options with both picks, ✨ where
/// they matched. Runs still being played never appear.</summary>
public sealed class ThisOrThatMemories(IDbConnections connections) : IMemorySource
{
    public const string Filter = "this-or-that";

    public IReadOnlyList<(string Key, string Name)> Filters { get; } = [(Filter, "This or that")];

    private sealed record Row(long RunId, Instant RevealedAt, long Position, string OptionA, string OptionB, ulong? UserId, string? Choice);

    public async Task<IReadOnlyList<Memory>> ForPairAsync(Pair pair, string? filter, Func<ulong, string> who, CancellationToken cancellationToken)
    {
        if (filter is not null && filter != Filter)
            return [];
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>("""
            SELECT r.run_id AS RunId, r.revealed_at AS RevealedAt, i.position AS Position, i.option_a AS OptionA, i.option_b AS OptionB,
                   p.user_id AS UserId, p.choice AS Choice
            FROM this_or_that_runs r JOIN this_or_that_items i ON i.run_id = r.run_id
            LEFT JOIN this_or_that_picks p ON p.run_id = i.run_id AND p.position = i.position
            WHERE r.pair_id = @pairId AND r.status = 'revealed' AND r.revealed_at IS NOT NULL
            ORDER BY r.run_id, i.position
            """, new { pairId = pair.PairId });
        return rows.GroupBy(r => r.RunId).Select(run => new Memory(run.First().RevealedAt, "🎲 This or that",
            string.Join("\n", run.GroupBy(r => r.Position).Select(item => Line(item.ToList(), pair, who))))).ToList();
    }

    private static string Line(IReadOnlyList<Row> item, Pair pair, Func<ulong, string> who)
    {
        var first = item[0];
        string Picked(ulong userId) => item.FirstOrDefault(r => r.UserId == userId)?.Choice is { } c ? (c == "a" ? first.OptionA : first.OptionB) : "—";
        var (a, b) = (Picked(pair.UserA), Picked(pair.UserB));
        return $"**{OptionPair.AsQuestion(first.OptionA, first.OptionB)}** {who(pair.UserA)}: {a} · " +
               $"{who(pair.UserB)}: {b}{(a == b && a != "—" ? " ✨" : "")}";
    }
}
