using BondBot.Features.Memories;
using BondBot.Features.Story;
using BondBot.Interactions;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Appreciation;

/// <summary>Appreciation notes of the pair for "our story": each reached the partner the moment it was sent, so both
/// have seen every one of them.</summary>
public sealed class AppreciationStory(IDbConnections connections) : IStorySource
{
    public StorySection Section => StorySection.Notes;

    private sealed record Row(ulong FromUser, ulong ToUser, string Text, Instant CreatedAt);

    public async Task<IReadOnlyList<Memory>> ForStoryAsync(StoryRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>("""
            SELECT from_user AS FromUser, to_user AS ToUser, text AS Text, created_at AS CreatedAt
            FROM appreciations WHERE pair_id = @pairId ORDER BY created_at
            """, new { pairId = request.Pair.PairId });
        return rows.Select(r => new Memory(r.CreatedAt, $"💛 {request.Who(r.FromUser)} appreciated {request.Who(r.ToUser)}", Quote.Lines(r.Text))).ToList();
    }
}
