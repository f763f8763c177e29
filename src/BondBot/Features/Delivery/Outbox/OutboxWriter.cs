using BondBot.Storage;
using BondBot.Discord.Json;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Delivery.Outbox;

/// <summary>
/// Where features hand over what a person must see: <see cref="WriteAsync"/> inside the transaction of the change
/// that causes it, then <see cref="CommitAsync"/> (commit and wake the worker). Nothing is sent here; the
/// <see cref="OutboxWorker"/> delivers, so a failed send or a crash after the commit loses nothing.
/// </summary>
public sealed class OutboxWriter(IClock clock)
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, IEnumerable<OutboxItem> items)
    {
        var now = clock.GetCurrentInstant();
        foreach (var item in items)
        {
            // Re-enqueueing a key replaces what will be sent; a held row stays held (the person's DMs are still
            // closed) and a sent one is sent again as an edit of the same message.
            var deliveryId = await connection.ExecuteScalarAsync<long>("""
                INSERT INTO outbox (recipient_id, pair_id, kind, route, delivery_key, share_key, payload, status, not_before, created_at, updated_at, channel_id, correlation_id)
                VALUES (@RecipientId, @PairId, @Kind, @Route, @Key, @ShareKey, @Payload, 'pending', @NotBefore, @now, @now, @ChannelId, @CorrelationId)
                ON CONFLICT (delivery_key) WHERE delivery_key IS NOT NULL DO UPDATE SET
                    payload = excluded.payload, correlation_id = excluded.correlation_id, not_before = excluded.not_before, updated_at = excluded.updated_at, attempts = 0,
                    revision = outbox.revision + 1,
                    status = CASE WHEN outbox.status IN ('held', 'cancelled') THEN outbox.status ELSE 'pending' END
                RETURNING delivery_id
                """, new
            {
                item.RecipientId, item.PairId, item.Kind, Route = RouteName(item.Route), item.Key, item.ShareKey,
                Payload = item.Payload is null ? "" : PayloadJson.Serialize(item.Payload),
                NotBefore = item.NotBefore ?? now, now, item.ChannelId,
                // The work writing this row (an interaction, a scheduler pass): the worker logs under the same id.
                CorrelationId = Observability.Correlation.Current,
            }, transaction);
            if (item.Files is { Count: > 0 } files)
                await OutboxFiles.WriteAsync(connection, transaction, deliveryId, files);
        }
    }

    /// <summary>The common shape of a change that someone must hear about: one statement that finds and changes a row
    /// (<paramref name="change"/>, null when there is nothing to change: already done, not theirs, expired), and, only
    /// when it changed something, the deliveries it causes, in the same transaction.</summary>
    public async Task<T?> ChangeAsync<T>(Storage.IDbConnections connections, Func<DbConnection, DbTransaction, Task<T?>> change,
        Func<T, IEnumerable<OutboxItem>> deliveries, CancellationToken cancellationToken = default) where T : class
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        if (await change(connection, transaction) is not { } changed)
            return null;
        await WriteAsync(connection, transaction, deliveries(changed));
        await CommitAsync(transaction, cancellationToken);
        return changed;
    }

    /// <summary>Commits the transaction that wrote deliveries, then wakes the worker so they go out at once.</summary>
    public async Task CommitAsync(DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        await transaction.CommitAsync(cancellationToken);
        Wake();
    }

    /// <summary>Asks the worker for a pass now (deliveries were written, or held ones released).</summary>
    public void Wake()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { } // a wake-up is already pending
    }

    internal async Task WaitForWakeAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, timer.Token);
        await Task.WhenAny(_wake.WaitAsync(timer.Token), delay);
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    public static string RouteName(OutboxRoute route) => route switch
    {
        OutboxRoute.Dm => "dm",
        OutboxRoute.Pair => "pair",
        OutboxRoute.PairShared => "pair-shared",
        _ => "delete-channel",
    };

    public static OutboxRoute ParseRoute(string name) => name switch
    {
        "dm" => OutboxRoute.Dm,
        "pair" => OutboxRoute.Pair,
        "pair-shared" => OutboxRoute.PairShared,
        _ => OutboxRoute.DeleteChannel,
    };
}
