using BondBot.Storage;
using Dapper;
using System.Data.Common;
using NodaTime;

namespace BondBot.Features.Guess;

/// <summary>A person's answers, guesses and marks. The partner's half of a round is shown only once revealed (it was
/// shown to them then); an erase empties this person's half and keeps the partner's, so the pair's tally of rounds
/// played stays true for the one who remains.</summary>
public sealed class GuessPersonalData : IPersonalData
{
    public int EraseOrder => 10;

    public async Task ExportAsync(DbConnection connection, PersonalDataSubject subject, PersonalDataExport export)
    {
        var p = new { userId = subject.UserId };
        await export.AddAsync("guess_rounds_about_me", connection, """
            SELECT guess_id, ask_text AS question, status, answer AS my_answer, answered_at, mark AS my_mark, marked_at,
                   CASE WHEN status = 'revealed' THEN guess END AS partners_guess, opened_at, revealed_at
            FROM guess_rounds WHERE answerer_id = @userId ORDER BY guess_id
            """, p);
        await export.AddAsync("guess_rounds_i_guessed", connection, """
            SELECT guess_id, guess_text AS question, status, guess AS my_guess, guessed_at,
                   CASE WHEN status = 'revealed' THEN answer END AS partners_answer, CASE WHEN status = 'revealed' THEN mark END AS partners_mark,
                   opened_at, revealed_at
            FROM guess_rounds WHERE guesser_id = @userId ORDER BY guess_id
            """, p);
    }

    public async Task EraseAsync(DbConnection connection, DbTransaction transaction, PersonalDataSubject subject, Instant now)
    {
        var p = new { userId = subject.UserId };
        await connection.ExecuteAsync("""
            UPDATE guess_rounds SET answer = NULL, answered_at = NULL, mark = NULL, marked_at = NULL, answerer_id = 0 WHERE answerer_id = @userId
            """, p, transaction);
        await connection.ExecuteAsync("UPDATE guess_rounds SET guess = NULL, guessed_at = NULL, guesser_id = 0 WHERE guesser_id = @userId", p, transaction);
        // Once both partners have erased, nothing of either is left in the row.
        await connection.ExecuteAsync("DELETE FROM guess_rounds WHERE answerer_id = 0 AND guesser_id = 0", p, transaction);
    }
}
