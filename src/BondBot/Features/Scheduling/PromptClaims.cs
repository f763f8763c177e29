using BondBot.Features.Delivery;
using BondBot.Features.Settings;
using BondBot.Storage;
using NodaTime;

namespace BondBot.Features.Scheduling;

/// <summary>
/// Claims everyone due by now (oldest first), in one transaction with moving each person's next due instant: a slot
/// older than the catch-up window, a paused person, or a person whose DMs are known to be closed is recorded as
/// skipped (a DM would only be refused); the rest are claimed to be sent. The schedule belongs to Settings, the ledger
/// to Delivery; this is where the two meet.
/// </summary>
public sealed class PromptClaims(IDbConnections connections)
{
    public sealed record ClaimResult(IReadOnlyList<PromptLedger.Claimed> ToSend, int Skipped);

    public async Task<ClaimResult> ClaimDueAsync(Instant now, Duration catchUpWindow, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // A claim transaction: on PostgreSQL it locks only the rows it takes, so every process claims its own share.
        await using var transaction = await connection.BeginClaimAsync(cancellationToken);
        var due = await UserSettingsRepository.DueAsync(connection, transaction, now, limit);
        var unreachable = await DmChannelRepository.UnreachableAmongAsync(connection, transaction, due.Select(d => d.UserId).ToList());
        var toSend = new List<PromptLedger.Claimed>();
        var skipped = 0;
        foreach (var row in due)
        {
            if (row.Schedule is not { } schedule)
            {
                await UserSettingsRepository.SetNextAsync(connection, transaction, row.UserId, null);
                continue;
            }
            var date = schedule.LocalDate(row.NextCheckinAt);
            var late = now - row.NextCheckinAt > catchUpWindow;
            var paused = row.PausedUntil is { } until && until > row.NextCheckinAt;
            var status = late || paused || unreachable.Contains(row.UserId) ? LedgerStatus.Skipped : LedgerStatus.Claimed;
            var claimed = new PromptLedger.Claimed(row.UserId, date, PromptLedger.CheckInKind, row.NextCheckinAt,
                PromptLedger.NonceFor(row.UserId, date, PromptLedger.CheckInKind));
            var inserted = await PromptLedger.InsertAsync(connection, transaction, claimed, status, now);
            await UserSettingsRepository.SetNextAsync(connection, transaction, row.UserId, schedule.NextAfter(Instant.Max(row.NextCheckinAt, now - catchUpWindow), row.PausedUntil));
            if (!inserted) continue;          // this slot was handled before: never twice
            if (status == LedgerStatus.Claimed) toSend.Add(claimed); else skipped++;
        }
        transaction.Commit();
        return new ClaimResult(toSend, skipped);
    }
}
