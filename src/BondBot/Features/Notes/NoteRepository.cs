using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Notes;

/// <summary>Notes and "thinking of you" rows, each written with its delivery in one transaction.</summary>
public sealed class NoteRepository(IDbConnections connections, OutboxWriter outbox)
{
    public sealed record Note(long NoteId, long PairId, ulong FromUser, ulong ToUser, string Kind, string? Label, string Text, Instant CreatedAt, Instant? OpenedAt);

    public sealed record Thought(long ThoughtId);

    private const string NoteColumns = """
        note_id AS NoteId, pair_id AS PairId, from_user AS FromUser, to_user AS ToUser, kind AS Kind, label AS Label, text AS Text,
        created_at AS CreatedAt, opened_at AS OpenedAt
        """;

    /// <summary>Stores a note and, in the same transaction, its delivery (the outbox key is the note's, so it goes once).</summary>
    public async Task<long> AddAsync(long pairId, ulong fromUser, ulong toUser, string kind, string? label, string text, Instant now, Instant deliverAt,
        Func<long, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO notes (pair_id, from_user, to_user, kind, label, text, created_at, deliver_at)
            VALUES (@pairId, @fromUser, @toUser, @kind, @label, @text, @now, @deliverAt)
            RETURNING note_id
            """, new { pairId, fromUser, toUser, kind, label, text, now, deliverAt }, transaction);
        await outbox.WriteAsync(connection, transaction, deliveries(id));
        await outbox.CommitAsync(transaction, cancellationToken);
        return id;
    }

    public async Task<Note?> GetAsync(long noteId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Note>($"SELECT {NoteColumns} FROM notes WHERE note_id = @noteId", new { noteId });
    }

    /// <summary>Opens a sealed note for its recipient within their current pairing, with the sender's notice; null when it
    /// is not theirs, belongs to an earlier pairing, or was opened already (the notice goes once).</summary>
    public Task<Note?> OpenAsync(long noteId, ulong byUser, long pairId, Instant now, Func<Note, IEnumerable<OutboxItem>> deliveries,
        CancellationToken cancellationToken = default) =>
        outbox.ChangeAsync(connections, (connection, transaction) => connection.QuerySingleOrDefaultAsync<Note>($"""
            UPDATE notes SET opened_at = @now
            WHERE note_id = @noteId AND kind = 'sealed' AND to_user = @byUser AND pair_id = @pairId AND opened_at IS NULL
            RETURNING {NoteColumns}
            """, new { noteId, byUser, pairId, now }, transaction), deliveries, cancellationToken);

    /// <summary>Records a "thinking of you" with its delivery, unless the sender already sent <paramref name="perDay"/> on
    /// their local <paramref name="day"/>: then null and nothing is sent. Count and insert are one statement.</summary>
    public Task<Thought?> AddThoughtAsync(long pairId, ulong fromUser, ulong toUser, LocalDate day, int perDay, Instant now, Instant deliverAt,
        Func<Thought, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default) =>
        outbox.ChangeAsync(connections, (connection, transaction) => connection.QuerySingleOrDefaultAsync<Thought>("""
            INSERT INTO thinking_of_you (pair_id, from_user, to_user, local_date, sent_at, deliver_at)
            SELECT @pairId, @fromUser, @toUser, @day, @now, @deliverAt
            WHERE (SELECT COUNT(*) FROM thinking_of_you WHERE from_user = @fromUser AND local_date = @day) < @perDay
            RETURNING thought_id AS ThoughtId
            """, new { pairId, fromUser, toUser, day, perDay, now, deliverAt }, transaction), deliveries, cancellationToken);

    /// <summary>Notes (later and sealed) that were due to reach either partner in a span, for the weekly card. A
    /// "thinking of you" is never counted anywhere: it is a touch, not a tally, and counting it would turn it into one.</summary>
    public async Task<int> CountNotesBetweenAsync(long pairId, Instant from, Instant to, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM notes WHERE pair_id = @pairId AND deliver_at >= @from AND deliver_at < @to", new { pairId, from, to });
    }
}
