using BondBot.Features.Memories;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Questions;

/// <summary>Revealed question rounds of the pair, with both answers, for <c>/memories</c>; filtered by category.
/// Only rounds with status <c>revealed</c>: an answer waiting for the partner's never appears.</summary>
public sealed class QuestionMemories(IDbConnections connections) : IMemorySource
{
    public IReadOnlyList<(string Key, string Name)> Filters { get; } = QuestionCategory.All.Select(c => (c.Key, c.Name)).ToList();

    private sealed record Row(long RoundId, string QuestionText, Instant RevealedAt, ulong UserId, string Text);

    public async Task<IReadOnlyList<Memory>> ForPairAsync(Pair pair, string? filter, Func<ulong, string> who, CancellationToken cancellationToken)
    {
        if (filter is not null && Filters.All(f => f.Key != filter))
            return [];
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>("""
            SELECT r.round_id AS RoundId, r.question_text AS QuestionText, r.revealed_at AS RevealedAt, a.user_id AS UserId, a.text AS Text
            FROM rounds r JOIN answers a ON a.round_id = r.round_id
            WHERE r.pair_id = @pairId AND r.status = 'revealed' AND r.revealed_at IS NOT NULL AND (@filter IS NULL OR r.category = @filter)
            ORDER BY r.round_id, a.answered_at
            """, new { pairId = pair.PairId, filter });
        return rows.GroupBy(r => r.RoundId)
            .Select(g => new Memory(g.First().RevealedAt, g.First().QuestionText,
                string.Join("\n\n", g.Select(a => $"{who(a.UserId)}:\n{Quote.Lines(a.Text)}"))))
            .ToList();
    }
}
