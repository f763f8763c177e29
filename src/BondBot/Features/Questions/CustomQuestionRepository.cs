using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Questions;

/// <summary>A guild's own questions, added by its moderators with <c>/deck</c>.</summary>
public sealed class CustomQuestionRepository(IDbConnections connections)
{
    public const string KeyPrefix = "custom:";
    public const int MaxPerGuild = 500;

    public sealed record CustomQuestion(long QuestionId, string Text, string Category, long Depth)
    {
        public DeckQuestion ToDeckQuestion() => new($"{KeyPrefix}{QuestionId}", Category, (int)Depth, Text);
    }

    public async Task<CustomQuestion?> AddAsync(ulong guildId, string text, string category, int depth, ulong createdBy, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync();
        var count = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM custom_questions WHERE guild_id = @guildId AND removed_at IS NULL", new { guildId }, transaction);
        if (count >= MaxPerGuild)
            return null;
        var id = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO custom_questions (guild_id, text, category, depth, created_by, created_at)
            VALUES (@guildId, @text, @category, @depth, @createdBy, @now) RETURNING question_id
            """, new { guildId, text, category, depth, createdBy, now }, transaction);
        transaction.Commit();
        return new CustomQuestion(id, text, category, depth);
    }

    public async Task<IReadOnlyList<CustomQuestion>> ListAsync(ulong guildId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<CustomQuestion>("""
            SELECT question_id AS QuestionId, text AS Text, category AS Category, depth AS Depth
            FROM custom_questions WHERE guild_id = @guildId AND removed_at IS NULL ORDER BY question_id
            """, new { guildId })).ToList();
    }

    /// <summary>Removes a question of this guild only; false when there is no such question here.</summary>
    public async Task<bool> RemoveAsync(ulong guildId, long questionId, Instant now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            "UPDATE custom_questions SET removed_at = @now WHERE question_id = @questionId AND guild_id = @guildId AND removed_at IS NULL",
            new { questionId, guildId, now }) > 0;
    }
}
