using BondBot.Features.Memories;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Guess;

/// <summary>Revealed guessing rounds of the pair for <c>/memories</c>: the question, the answer and the guess, and the
/// answerer's mark. Open rounds never appear (one side would be unseen).</summary>
public sealed class GuessMemories(IDbConnections connections) : IMemorySource
{
    public const string Filter = "guess";

    public IReadOnlyList<(string Key, string Name)> Filters { get; } = [(Filter, "Guess my answer")];

    private sealed record Row(string AskText, ulong AnswererId, ulong GuesserId, string? Answer, string? Guess, string? Mark, Instant RevealedAt);

    public async Task<IReadOnlyList<Memory>> ForPairAsync(Pair pair, string? filter, Func<ulong, string> who, CancellationToken cancellationToken)
    {
        if (filter is not null && filter != Filter)
            return [];
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>("""
            SELECT ask_text AS AskText, answerer_id AS AnswererId, guesser_id AS GuesserId, answer AS Answer, guess AS Guess, mark AS Mark,
                   revealed_at AS RevealedAt
            FROM guess_rounds WHERE pair_id = @pairId AND status = 'revealed' AND revealed_at IS NOT NULL
            """, new { pairId = pair.PairId });
        return rows.Select(r => new Memory(r.RevealedAt, $"🔮 {r.AskText}",
            $"{who(r.AnswererId)} answered:\n{Quote.Lines(r.Answer ?? "(no longer kept)")}\n\n" +
            $"{who(r.GuesserId)} guessed:\n{Quote.Lines(r.Guess ?? "(no longer kept)")}" +
            (GuessMarks.Parse(r.Mark) is { } mark ? $"\n\n{GuessMarks.Label(mark)}" : ""))).ToList();
    }
}
