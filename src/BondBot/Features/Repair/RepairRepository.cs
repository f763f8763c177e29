using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Repair;

/// <summary>A person's repair-kit drafts and the repair messages they chose to send. A draft is private until Send
/// consumes it, in the same transaction as its delivery, so a second press finds nothing left to send.</summary>
public sealed class RepairRepository(IDbConnections connections, OutboxWriter outbox)
{
    public sealed record Draft(long DraftId, long? PairId, ulong FromUser, ulong? ToUser, string Kind, string Text, string? Parts, Instant? ReturnAt,
        Instant CreatedAt, Instant? SentAt);

    private const string Columns = """
        draft_id AS DraftId, pair_id AS PairId, from_user AS FromUser, to_user AS ToUser, kind AS Kind, text AS Text, parts AS Parts,
        return_at AS ReturnAt, created_at AS CreatedAt, sent_at AS SentAt
        """;

    /// <summary>Stores a new draft; drafts left unsent for a day are deleted on the way (cleanup is lazy, and an old
    /// draft is never sent even before it is deleted).</summary>
    public async Task<long> CreateAsync(long? pairId, ulong fromUser, ulong? toUser, string kind, string text, string? parts, Instant? returnAt, Instant now,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("DELETE FROM repair_messages WHERE sent_at IS NULL AND created_at < @cutoff", new { cutoff = Cutoff(now) });
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO repair_messages (pair_id, from_user, to_user, kind, text, parts, return_at, created_at)
            VALUES (@pairId, @fromUser, @toUser, @kind, @text, @parts, @returnAt, @now)
            RETURNING draft_id
            """, new { pairId, fromUser, toUser, kind, text, parts, returnAt, now });
    }

    /// <summary>The person's own unsent draft while it is fresh; null when it is someone else's, sent, or expired.</summary>
    public async Task<Draft?> GetOpenAsync(long draftId, ulong fromUser, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Draft>($"""
            SELECT {Columns} FROM repair_messages
            WHERE draft_id = @draftId AND from_user = @fromUser AND sent_at IS NULL AND created_at >= @cutoff
            """, new { draftId, fromUser, cutoff = Cutoff(now) });
    }

    /// <summary>"Keep it to myself": the draft is gone at once. False when there was nothing unsent to delete.</summary>
    public async Task<bool> DiscardAsync(long draftId, ulong fromUser, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM repair_messages WHERE draft_id = @draftId AND from_user = @fromUser AND sent_at IS NULL",
            new { draftId, fromUser }) == 1;
    }

    /// <summary>Marks a fresh draft of the current pair sent and writes its delivery in the same transaction; null
    /// when there is nothing to send (already sent, kept, expired, or written in an earlier pairing).</summary>
    public Task<Draft?> SendAsync(long draftId, ulong fromUser, long pairId, Instant now, Func<Draft, IEnumerable<OutboxItem>> deliveries,
        CancellationToken cancellationToken = default) =>
        outbox.ChangeAsync(connections, (connection, transaction) => connection.QuerySingleOrDefaultAsync<Draft>($"""
            UPDATE repair_messages SET sent_at = @now
            WHERE draft_id = @draftId AND from_user = @fromUser AND pair_id = @pairId AND sent_at IS NULL AND created_at >= @cutoff
            RETURNING {Columns}
            """, new { draftId, fromUser, pairId, now, cutoff = Cutoff(now) }, transaction), deliveries, cancellationToken);

    /// <summary>The recipient's one-tap thank-you for a sent message of their current pair, with the sender's notice;
    /// null when it is not theirs or was thanked already.</summary>
    public Task<Draft?> ThankAsync(long draftId, ulong byUser, long pairId, Instant now, Func<Draft, IEnumerable<OutboxItem>> deliveries,
        CancellationToken cancellationToken = default) =>
        outbox.ChangeAsync(connections, (connection, transaction) => connection.QuerySingleOrDefaultAsync<Draft>($"""
            UPDATE repair_messages SET thanked_at = @now
            WHERE draft_id = @draftId AND to_user = @byUser AND pair_id = @pairId AND sent_at IS NOT NULL AND thanked_at IS NULL
            RETURNING {Columns}
            """, new { draftId, byUser, pairId, now }, transaction), deliveries, cancellationToken);

    private static Instant Cutoff(Instant now) => now - Duration.FromTimeSpan(RepairWords.DraftLifetime);
}
