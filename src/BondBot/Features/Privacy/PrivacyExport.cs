using System.Globalization;
using System.Text.Json;
using BondBot.Storage;
using NodaTime;

namespace BondBot.Features.Privacy;

/// <summary>Everything BondBot stores about one person, as JSON: each feature adds its own part
/// (<see cref="IPersonalData"/>). A partner's answer to a round that is not revealed is never included.</summary>
public sealed class PrivacyExport(IDbConnections connections, IEnumerable<IPersonalData> parts, IClock clock)
{
    public async Task<byte[]> BuildAsync(ulong userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var export = new PersonalDataExport();
        export.Root["exported_at"] = clock.GetCurrentInstant().ToString();
        export.Root["user_id"] = userId.ToString(CultureInfo.InvariantCulture);
        var subject = new PersonalDataSubject(userId, await Pairing.PairingRepository.PairIdsOfAsync(connection, null, userId));
        foreach (var part in parts.OrderBy(p => p.EraseOrder).Reverse())
            await part.ExportAsync(connection, subject, export);
        return JsonSerializer.SerializeToUtf8Bytes(export.Root, new JsonSerializerOptions { WriteIndented = true });
    }
}
