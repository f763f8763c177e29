using System.Text.Json;
using System.Text.Json.Nodes;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Privacy;

/// <summary>
/// Everything BondBot stores about one person, as JSON: settings, pairings, their own answers, check-ins, pulse
/// ratings, notes sent and received, and revealed rounds (both answers — revealed to them already). A partner's
/// answer to a round that is not revealed is never included.
/// </summary>
public sealed class PrivacyExport(SqliteConnectionFactory connections, IClock clock)
{
    public async Task<byte[]> BuildAsync(ulong userId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var p = new { userId };
        var export = new JsonObject
        {
            ["exported_at"] = clock.GetCurrentInstant().ToString(),
            ["user_id"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["settings"] = await RowsAsync(connection, "SELECT time_zone, checkin_time, checkin_days, paused_until, created_at FROM users WHERE user_id = @userId", p),
            ["pairings"] = await RowsAsync(connection, """
                SELECT p.pair_id, CASE WHEN p.user_a = @userId THEN p.user_b ELSE p.user_a END AS partner_id, p.created_at, p.ended_at
                FROM pairs p JOIN pair_members m ON m.pair_id = p.pair_id WHERE m.user_id = @userId
                """, p),
            ["invites"] = await RowsAsync(connection, "SELECT inviter_id, invitee_id, status, created_at, answered_at FROM pair_invites WHERE inviter_id = @userId OR invitee_id = @userId", p),
            ["my_answers"] = await RowsAsync(connection, """
                SELECT r.question_text, r.status AS round_status, a.text, a.answered_at, a.updated_at
                FROM answers a JOIN rounds r ON r.round_id = a.round_id WHERE a.user_id = @userId ORDER BY a.answered_at
                """, p),
            ["revealed_rounds"] = await RowsAsync(connection, """
                SELECT r.round_id, r.question_text, r.category, r.depth, r.revealed_at, a.user_id AS answered_by, a.text
                FROM rounds r JOIN pair_members m ON m.pair_id = r.pair_id AND m.user_id = @userId
                JOIN answers a ON a.round_id = r.round_id
                WHERE r.status = 'revealed' ORDER BY r.round_id, a.answered_at
                """, p),
            ["checkins"] = await RowsAsync(connection, "SELECT local_date, mood, good_thing, stress, need, updated_at FROM checkins WHERE user_id = @userId ORDER BY local_date", p),
            ["pulse"] = await RowsAsync(connection, "SELECT month, trust, knowledge, mutuality, commitment, caring, interdependence FROM pulses WHERE user_id = @userId ORDER BY month", p),
            ["notes_sent"] = await RowsAsync(connection, "SELECT to_user, text, created_at, thanked_at FROM appreciations WHERE from_user = @userId ORDER BY created_at", p),
            ["notes_received"] = await RowsAsync(connection, "SELECT from_user, text, created_at, thanked_at FROM appreciations WHERE to_user = @userId ORDER BY created_at", p),
        };
        return JsonSerializer.SerializeToUtf8Bytes(export, new JsonSerializerOptions { WriteIndented = true });
    }

    // Rows as plain JSON objects: ids (stored as signed 64-bit) are written back as unsigned strings, like Discord's.
    private static async Task<JsonArray> RowsAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql, object parameters)
    {
        var array = new JsonArray();
        foreach (IDictionary<string, object?> row in await connection.QueryAsync(sql, parameters))
        {
            var item = new JsonObject();
            foreach (var (key, value) in row)
                item[key] = value switch
                {
                    null => null,
                    long id when key.EndsWith("_id", StringComparison.Ordinal) || key is "answered_by" or "to_user" or "from_user" => unchecked((ulong)id).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    long number when key.EndsWith("_at", StringComparison.Ordinal) || key == "paused_until" => Instant.FromUnixTimeMilliseconds(number).ToString(),
                    long number => number,
                    string text => text,
                    _ => value.ToString(),
                };
            array.Add(item);
        }
        return array;
    }
}
