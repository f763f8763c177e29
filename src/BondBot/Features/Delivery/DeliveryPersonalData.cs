using BondBot.Features.Delivery.Outbox;
using BondBot.Storage;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Delivery;

/// <summary>What BondBot delivered (or still holds) for a person: kinds and times, never the text of anything sent
/// (it is dropped once delivered). Erased first, while the person's pairings can still be found.</summary>
public sealed class DeliveryPersonalData : IPersonalData
{
    public int EraseOrder => 0;

    public Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export) =>
        export.AddAsync("deliveries_to_you", connection,
            "SELECT kind, status, route, created_at, updated_at FROM outbox WHERE recipient_id = @userId ORDER BY delivery_id", new { userId = subject.UserId });

    public Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now) =>
        OutboxRepository.EraseAsync(connection, transaction, subject);
}
