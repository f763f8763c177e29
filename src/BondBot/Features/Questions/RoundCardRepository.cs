using BondBot.Storage;
using Dapper;

namespace BondBot.Features.Questions;

/// <summary>Where each round's question card was posted, so every copy's status can be refreshed.</summary>
public sealed class RoundCardRepository(IDbConnections connections)
{
    private sealed record CardRow(ulong ChannelId, ulong MessageId);

    public async Task AddAsync(long roundId, ulong channelId, ulong messageId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO round_cards (round_id, channel_id, message_id) VALUES (@roundId, @channelId, @messageId) ON CONFLICT DO NOTHING",
            new { roundId, channelId, messageId });
    }

    public async Task<IReadOnlyList<(ulong ChannelId, ulong MessageId)>> ListAsync(long roundId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<CardRow>("SELECT channel_id AS ChannelId, message_id AS MessageId FROM round_cards WHERE round_id = @roundId", new { roundId }))
            .Select(r => (r.ChannelId, r.MessageId)).ToList();
    }
}
