using BondBot.Discord;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Storage;
using NodaTime;

namespace BondBot.Features.Privacy;

/// <summary>
/// Removes everything of one person in one transaction. Their active pair ends (its space closes, and the partner's
/// notice is written with the erase); then every feature erases its own part (<see cref="IPersonalData"/>). The
/// partner keeps their own answers, check-ins and history.
/// </summary>
public sealed class PrivacyEraser(IDbConnections connections, PairingRepository pairs, OutboxWriter outbox, IEnumerable<IPersonalData> parts)
{
    private readonly IReadOnlyList<IPersonalData> _parts = parts.OrderBy(p => p.EraseOrder).ToList();

    /// <summary>Returns the former partner when an active pairing ended.</summary>
    public async Task<ulong?> EraseAsync(ulong userId, Instant now, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        ulong? partner = null;
        if (await PairingRepository.ActivePairAsync(connection, transaction, userId) is { } pair && await pairs.EndPairAsync(connection, transaction, pair, now))
        {
            partner = pair.PartnerOf(userId);
            await outbox.WriteAsync(connection, transaction, [OutboxItem.ToPerson(OutboxKinds.Erased, partner.Value, new MessagePayload
            {
                Content = $"{PairingMessages.Mention(userId)} deleted their BondBot data, which ended your pairing. Your own history stays with you, " +
                          "and any private space you shared is closed. 💛",
            })]);
        }
        var subject = new PersonalDataSubject(userId, await PairingRepository.PairIdsOfAsync(connection, transaction, userId));
        foreach (var part in _parts)
            await part.EraseAsync(connection, transaction, subject, now);
        await outbox.CommitAsync(transaction, cancellationToken);
        return partner;
    }
}
