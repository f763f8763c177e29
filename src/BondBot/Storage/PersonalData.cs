using System.Globalization;
using System.Text.Json.Nodes;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Storage;

/// <summary>
/// A feature's answer for what it stores about a person: the rows an export shows, and how an erase removes them.
/// Privacy runs every feature's erase in one transaction, in <see cref="EraseOrder"/>, so each feature touches only
/// its own tables; the person's pairings come with the subject, so nobody reads Pairing's tables to find them.
/// </summary>
public interface IPersonalData
{
    /// <summary>Lower runs first: data that points at other data goes before what it points at.</summary>
    int EraseOrder { get; }

    Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export);

    Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now);
}

/// <summary>Whose data it is, and every pairing they have been in (active or ended).</summary>
public sealed record PersonalDataSubject(ulong UserId, IReadOnlyList<long> PairIds);

/// <summary>The export being built: named sections of plain rows.</summary>
public sealed class PersonalDataExport
{
    public JsonObject Root { get; } = new();

    /// <summary>Adds the rows of <paramref name="sql"/> as section <paramref name="name"/>. Ids (stored as signed
    /// 64-bit) are written back as unsigned strings like Discord's, instants as ISO text.</summary>
    public async Task AddAsync(string name, DbConnection connection, string sql, object parameters)
    {
        var array = new JsonArray();
        foreach (IDictionary<string, object?> row in await connection.QueryAsync(sql, parameters))
        {
            var item = new JsonObject();
            foreach (var (key, value) in row)
                item[key] = value switch
                {
                    null => null,
                    long id when IsId(key) => unchecked((ulong)id).ToString(CultureInfo.InvariantCulture),
                    long number when key.EndsWith("_at", StringComparison.Ordinal) || key is "paused_until" or "not_before" =>
                        Instant.FromUnixTimeMilliseconds(number).ToString(),
                    long number => number,
                    string text => text,
                    _ => value.ToString(),
                };
            array.Add(item);
        }
        Root[name] = array;
    }

    private static bool IsId(string key) =>
        key.EndsWith("_id", StringComparison.Ordinal) || key is "answered_by" or "to_user" or "from_user" or "user_a" or "user_b" or "created_by";
}
