using BondBot.Features.Memories;
using BondBot.Features.Story;
using BondBot.Interactions;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Repair;

/// <summary>Repair messages of the pair for "our story": only those that were sent. A draft never left its writer, so
/// it is not part of the story, not even theirs.</summary>
public sealed class RepairStory(IDbConnections connections) : IStorySource
{
    public StorySection Section => StorySection.Notes;

    private sealed record Row(ulong FromUser, ulong ToUser, string Text, Instant SentAt);

    public async Task<IReadOnlyList<Memory>> ForStoryAsync(StoryRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>("""
            SELECT from_user AS FromUser, to_user AS ToUser, text AS Text, sent_at AS SentAt
            FROM repair_messages WHERE pair_id = @pairId AND sent_at IS NOT NULL AND to_user IS NOT NULL ORDER BY sent_at
            """, new { pairId = request.Pair.PairId });
        return rows.Select(r => new Memory(r.SentAt, $"🕊️ {request.Who(r.FromUser)} reached out to {request.Who(r.ToUser)}", Quote.Lines(r.Text))).ToList();
    }
}
