using BondBot.Storage;
using Dapper;

namespace BondBot.Features.Questions;

/// <summary>How far a pair has gone together, for <c>/insights</c> and the weekly card: revealed rounds only, this pair only.</summary>
public sealed class RevealedCountsRepository(IDbConnections connections)
{
    // Aggregate columns have no type when no row comes back, which Dapper's positional records cannot map;
    // settable properties map by name instead.
    public sealed class DepthCount { public long Depth { get; init; } public long Count { get; init; } }
    public sealed class CategoryCount { public string Category { get; init; } = ""; public long Count { get; init; } }

    public async Task<(IReadOnlyList<DepthCount> Depths, IReadOnlyList<CategoryCount> Categories)> RevealedAsync(long pairId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var depths = (await connection.QueryAsync<DepthCount>(
            "SELECT depth AS Depth, COUNT(*) AS Count FROM rounds WHERE pair_id = @pairId AND status = 'revealed' GROUP BY depth ORDER BY depth", new { pairId })).ToList();
        var categories = (await connection.QueryAsync<CategoryCount>(
            "SELECT category AS Category, COUNT(*) AS Count FROM rounds WHERE pair_id = @pairId AND status = 'revealed' GROUP BY category ORDER BY COUNT(*) DESC, category", new { pairId })).ToList();
        return (depths, categories);
    }

    public sealed record Revealed(string QuestionText, long Depth);

    /// <summary>Questions the pair revealed in a span (for the weekly card), deepest first, then latest.</summary>
    public async Task<IReadOnlyList<Revealed>> RevealedBetweenAsync(long pairId, NodaTime.Instant from, NodaTime.Instant to, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Revealed>("""
            SELECT question_text AS QuestionText, depth AS Depth FROM rounds
            WHERE pair_id = @pairId AND status = 'revealed' AND revealed_at >= @from AND revealed_at < @to
            ORDER BY depth DESC, revealed_at DESC
            """, new { pairId, from, to })).ToList();
    }
}
