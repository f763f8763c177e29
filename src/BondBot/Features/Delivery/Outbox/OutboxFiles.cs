using BondBot.Discord;
using BondBot.Storage;
using Dapper;
using System.Data.Common;

namespace BondBot.Features.Delivery.Outbox;

/// <summary>
/// The files a delivery carries (<c>outbox_files</c>): written with the row in the change's transaction, read by the
/// sender, and swept once the row no longer waits — a delivered picture is Discord's to keep, not ours.
/// </summary>
public static class OutboxFiles
{
    /// <summary>Files of rows that no longer wait (sent, failed, cancelled): nothing needs them any more. Driven from
    /// the small files table, so the sweep costs nothing however long the outbox's history grows.</summary>
    internal const string DropFinishedSql = """
        DELETE FROM outbox_files WHERE delivery_id IN (
            SELECT f.delivery_id FROM outbox_files f JOIN outbox o ON o.delivery_id = f.delivery_id WHERE o.status NOT IN ('pending', 'held'))
        """;

    /// <summary>Replaces the row's files (a key enqueued again brings its own).</summary>
    public static async Task WriteAsync(DbConnection connection, DbTransaction transaction, long deliveryId, IReadOnlyList<FileUpload> files)
    {
        await connection.ExecuteAsync("DELETE FROM outbox_files WHERE delivery_id = @deliveryId", new { deliveryId }, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO outbox_files (delivery_id, position, file_name, content_type, description, content)
            VALUES (@deliveryId, @Position, @FileName, @ContentType, @Description, @Content)
            """, files.Select((f, i) => new { deliveryId, Position = i, f.FileName, f.ContentType, f.Description, Content = f.Content.ToArray() }), transaction);
    }

    private sealed record Row(string FileName, string ContentType, string? Description, byte[] Content);

    public static async Task<IReadOnlyList<FileUpload>> ReadAsync(IDbConnections connections, long deliveryId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>("""
            SELECT file_name AS FileName, content_type AS ContentType, description AS Description, content AS Content
            FROM outbox_files WHERE delivery_id = @deliveryId ORDER BY position
            """, new { deliveryId });
        return rows.Select(r => new FileUpload(r.FileName, r.Content, r.ContentType, r.Description)).ToList();
    }
}
