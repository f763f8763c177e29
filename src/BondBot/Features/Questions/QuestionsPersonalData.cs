using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Questions;

/// <summary>A person's answers, the revealed rounds of their pairings (both answers: revealed to them already, never
/// a partner's unrevealed one), and the questions they added to a server's deck.</summary>
public sealed class QuestionsPersonalData : IPersonalData
{
    public int EraseOrder => 10;

    public async Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export)
    {
        var p = new { userId = subject.UserId, pairIds = subject.PairIds };
        await export.AddAsync("my_answers", connection, """
            SELECT r.question_text, r.status AS round_status, a.text, a.answered_at, a.updated_at
            FROM answers a JOIN rounds r ON r.round_id = a.round_id WHERE a.user_id = @userId ORDER BY a.answered_at
            """, p);
        await export.AddAsync("revealed_rounds", connection, $"""
            SELECT r.round_id, r.question_text, r.category, r.depth, r.revealed_at, a.user_id AS answered_by, a.text
            FROM rounds r JOIN answers a ON a.round_id = r.round_id
            WHERE r.pair_id {SqlDialect.Of(connection).In("pairIds")} AND r.status = 'revealed' ORDER BY r.round_id, a.answered_at
            """, p);
        await export.AddAsync("deck_questions_you_added", connection,
            "SELECT guild_id, text, category, depth, created_at, removed_at FROM custom_questions WHERE created_by = @userId ORDER BY created_at", p);
    }

    public async Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now)
    {
        var p = new { userId = subject.UserId, pairIds = subject.PairIds };
        await connection.ExecuteAsync("DELETE FROM answers WHERE user_id = @userId", p, transaction);
        // Where the cards of their rounds were posted: channel and message ids of a pairing that is over for them.
        await connection.ExecuteAsync($"DELETE FROM round_cards WHERE round_id IN (SELECT round_id FROM rounds WHERE pair_id {SqlDialect.Of(connection).In("pairIds")})", p, transaction);
        await connection.ExecuteAsync("UPDATE custom_questions SET created_by = 0 WHERE created_by = @userId", p, transaction);
    }
}
