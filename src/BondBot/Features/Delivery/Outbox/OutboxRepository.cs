using BondBot.Discord;
using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Delivery.Outbox;

/// <summary>The worker's view of the outbox, and the privacy operations on it (erase, pair end, export).</summary>
public sealed class OutboxRepository(IDbConnections connections)
{
    public sealed class Row
    {
        public long DeliveryId { get; init; }
        public ulong? RecipientId { get; init; }
        public long? PairId { get; init; }
        public string Kind { get; init; } = "";
        public string Route { get; init; } = "";
        public string? ShareKey { get; init; }
        public string? Key { get; init; }
        /// <summary>Bumped each time the key is enqueued again: what was sent is marked sent only if it is still current.</summary>
        public long Revision { get; init; }
        public string Payload { get; init; } = "";
        public int Attempts { get; init; }
        public ulong? ChannelId { get; init; }
        public ulong? MessageId { get; init; }
        public Instant CreatedAt { get; init; }
        /// <summary>How many files travel with the row (<see cref="OutboxFiles"/>); most carry none.</summary>
        public int FileCount { get; init; }
        /// <summary>The correlation id of the work that wrote the row, if any (logged with each attempt).</summary>
        public string? CorrelationId { get; init; }

        public OutboxRoute RouteKind => OutboxWriter.ParseRoute(Route);
        public string Nonce => "o" + DeliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private const string Columns = """
        delivery_id AS DeliveryId, recipient_id AS RecipientId, pair_id AS PairId, kind AS Kind, route AS Route, share_key AS ShareKey, delivery_key AS Key, revision AS Revision,
        payload AS Payload, attempts AS Attempts, channel_id AS ChannelId, message_id AS MessageId, created_at AS CreatedAt, correlation_id AS CorrelationId,
        (SELECT COUNT(*) FROM outbox_files f WHERE f.delivery_id = outbox.delivery_id) AS FileCount
        """;

    /// <summary>Pending deliveries due by <paramref name="now"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Row>> DueAsync(Instant now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM outbox WHERE status = 'pending' AND not_before <= @now ORDER BY delivery_id LIMIT @limit", new { now, limit })).ToList();
    }

    /// <summary>Of these rows, the ones still pending and due, as they are now (newest payload and revision), in order:
    /// read again once a process holds their lane, so what another process delivered in the meantime is not sent twice,
    /// and what it just put off for a retry is not tried again before its time.</summary>
    public async Task<IReadOnlyList<Row>> StillPendingAsync(IEnumerable<Row> lane, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM outbox WHERE delivery_id {SqlDialect.Of(connection).In("ids")} AND status = 'pending' AND not_before <= @now ORDER BY delivery_id",
            new { ids = lane.Select(r => r.DeliveryId).ToArray(), now })).ToList();
    }

    /// <summary>Pending rows that share <paramref name="shareKey"/> (the other partner's copy of a shared post).</summary>
    public async Task<IReadOnlyList<Row>> SharingAsync(string shareKey, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(
            $"SELECT {Columns} FROM outbox WHERE share_key = @shareKey AND status IN ('pending', 'held') ORDER BY delivery_id", new { shareKey })).ToList();
    }

    /// <summary>Delivered: where it landed is kept (a later change of the same key edits it); the text is dropped, as
    /// nothing needs it any more. A row enqueued again while it was being sent keeps its newer text and stays pending,
    /// so the newer version follows as an edit of the message just sent.</summary>
    public async Task MarkSentAsync(IEnumerable<Row> sent, ulong? channelId, ulong? messageId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            UPDATE outbox SET channel_id = COALESCE(@channelId, channel_id), message_id = COALESCE(@messageId, message_id), updated_at = @now, last_error = NULL,
                status = CASE WHEN revision = @revision THEN 'sent' ELSE status END,
                payload = CASE WHEN revision = @revision THEN '' ELSE payload END,
                attempts = CASE WHEN revision = @revision THEN attempts + 1 ELSE 0 END
            WHERE delivery_id = @id
            """, sent.Select(row => new { id = row.DeliveryId, revision = row.Revision, channelId, messageId, now }));
    }

    /// <summary>Drops the files of rows that no longer wait (sent, given up, cancelled with their pair); run after each
    /// pass, so a delivered picture is gone from the database by the end of the pass that sent it.</summary>
    public async Task SweepFilesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Almost every pass has no files at all: a read answers that, where a DELETE would take the write lock each time.
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM (SELECT 1 FROM outbox_files LIMIT 1) AS any_file") > 0)
            await connection.ExecuteAsync(OutboxFiles.DropFinishedSql);
    }

    public Task<IReadOnlyList<FileUpload>> FilesAsync(Row row, CancellationToken cancellationToken = default) =>
        row.FileCount == 0 ? Task.FromResult<IReadOnlyList<FileUpload>>([]) : OutboxFiles.ReadAsync(connections, row.DeliveryId, cancellationToken);

    public async Task RetryLaterAsync(long id, Instant notBefore, string error, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET attempts = attempts + 1, not_before = @notBefore, last_error = @error, updated_at = @now WHERE delivery_id = @id AND status = 'pending'",
            new { id, notBefore, error, now });
    }

    /// <summary>The recipient's DMs are closed: kept until they use BondBot again.</summary>
    public async Task HoldAsync(long id, Instant now, CancellationToken cancellationToken = default) =>
        await SetStatusAsync(id, "held", "DMs closed", now, cancellationToken);

    public async Task FailAsync(long id, string error, Instant now, CancellationToken cancellationToken = default) =>
        await SetStatusAsync(id, "failed", error, now, cancellationToken);

    private async Task SetStatusAsync(long id, string status, string error, Instant now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE outbox SET status = @status, attempts = attempts + 1, last_error = @error, updated_at = @now WHERE delivery_id = @id",
            new { id, status, error, now });
    }

    /// <summary>Releases what was held for a person (they just used BondBot); returns how many.</summary>
    public async Task<int> ReleaseHeldAsync(ulong recipientId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE outbox SET status = 'pending', not_before = @now, updated_at = @now WHERE recipient_id = @recipientId AND status = 'held'",
            new { recipientId, now });
    }

    /// <summary>Pending deliveries older than <paramref name="before"/> are given up (logged by the worker).</summary>
    public async Task<int> ExpireAsync(Instant before, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE outbox SET status = 'failed', last_error = 'expired', updated_at = @now WHERE status IN ('pending', 'held') AND created_at < @before",
            new { before, now });
    }

    /// <summary>In the transaction that ends a pair: what was still waiting for it is dropped, except reveals.</summary>
    public static Task CancelForPairAsync(DbConnection connection, DbTransaction transaction, long pairId, Instant now) =>
        connection.ExecuteAsync($"""
            UPDATE outbox SET status = 'cancelled', updated_at = @now
            WHERE pair_id = @pairId AND status IN ('pending', 'held') AND kind {SqlDialect.Of(connection).NotIn("survivors")}
            """, new { pairId, now, survivors = OutboxKinds.SurvivePairEnd.ToArray() }, transaction);

    /// <summary>In the erase transaction: everything addressed to the person, and anything still waiting to reach a
    /// partner from the person's pairs (it may carry what they wrote).</summary>
    public static Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject) =>
        connection.ExecuteAsync($"""
            DELETE FROM outbox WHERE recipient_id = @UserId
               OR (status IN ('pending', 'held') AND route <> 'delete-channel' AND pair_id {SqlDialect.Of(connection).In("PairIds")})
            """, new { subject.UserId, subject.PairIds }, transaction);
}
