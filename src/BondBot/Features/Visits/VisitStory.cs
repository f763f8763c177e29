using BondBot.Features.Memories;
using BondBot.Features.Story;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Visits;

/// <summary>The pair's visits for "our story": either partner set them for both, so both have seen every one.</summary>
public sealed class VisitStory(IDbConnections connections) : IStorySource
{
    public StorySection Section => StorySection.Visits;

    private sealed record Row(ulong SetterId, string StartsOn, string EndsOn, Instant CreatedAt);

    public async Task<IReadOnlyList<Memory>> ForStoryAsync(StoryRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>("""
            SELECT setter_id AS SetterId, starts_on AS StartsOn, ends_on AS EndsOn, created_at AS CreatedAt
            FROM visits WHERE pair_id = @pairId ORDER BY starts_on, visit_id
            """, new { pairId = request.Pair.PairId });
        return rows.Select(r => new Memory(r.CreatedAt,
            r.StartsOn == r.EndsOn ? $"✈️ Together on {r.StartsOn}" : $"✈️ Together from {r.StartsOn} to {r.EndsOn}",
            $"Set by {request.Who(r.SetterId)}.")).ToList();
    }
}
