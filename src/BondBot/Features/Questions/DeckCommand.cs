using NodaTime;
using System.Globalization;
using System.Text;
using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Interactions;

namespace BondBot.Features.Questions;

/// <summary><c>/deck add|list|remove</c>: a guild's own questions, managed by members with Manage Server.</summary>
public sealed class DeckCommand(CustomQuestionRepository custom, IClock clock) : ISlashCommand
{
    private static readonly CommandOption Category = new()
    {
        Type = CommandOptionType.String, Name = "category", Description = "Which category it belongs to", Required = true,
        Choices = QuestionCategory.All.Select(c => CommandChoice.Of(c.Name, c.Key)).ToList(),
    };

    private static readonly CommandOption Depth = new()
    {
        Type = CommandOptionType.Integer, Name = "depth", Description = "1 light, 2 deeper, 3 deepest", Required = true,
        Choices = [CommandChoice.Of("Light", 1), CommandChoice.Of("Deeper", 2), CommandChoice.Of("Deepest", 3)],
    };

    public ApplicationCommand Definition { get; } = new()
    {
        Name = "deck",
        Description = "Manage this server's own questions (Manage Server)",
        DefaultMemberPermissions = ((ulong)Permissions.ManageGuild).ToString(CultureInfo.InvariantCulture),
        Contexts = [0],
        Options =
        [
            new CommandOption
            {
                Type = CommandOptionType.SubCommand, Name = "add", Description = "Add a question to this server's draw",
                Options =
                [
                    new CommandOption { Type = CommandOptionType.String, Name = "text", Description = "The question (up to 300 characters)", Required = true, MaxLength = QuestionDeck.MaxTextLength },
                    Category,
                    Depth,
                ],
            },
            new CommandOption { Type = CommandOptionType.SubCommand, Name = "list", Description = "List this server's questions" },
            new CommandOption
            {
                Type = CommandOptionType.SubCommand, Name = "remove", Description = "Remove one of this server's questions",
                Options = [new CommandOption { Type = CommandOptionType.Integer, Name = "id", Description = "The number shown by /deck list", Required = true, MinValue = 1 }],
            },
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (context.GuildId is not { } guildId)
        {
            await context.ReplyPrivatelyAsync("`/deck` works in a server, for that server's own questions.", cancellationToken);
            return;
        }
        // The default permission only hides the command; server admins can change who sees it, so check again.
        if ((context.MemberPermissions & (Permissions.ManageGuild | Permissions.Administrator)) == 0)
        {
            await context.ReplyPrivatelyAsync("Only members with the **Manage Server** permission can change this server's questions.", cancellationToken);
            return;
        }
        var reply = context.Data.SubCommand() switch
        {
            "add" => await AddAsync(context, guildId, cancellationToken),
            "list" => await ListAsync(guildId, cancellationToken),
            "remove" => await RemoveAsync(context, guildId, cancellationToken),
            _ => "Use `/deck add`, `/deck list` or `/deck remove`.",
        };
        await context.ReplyPrivatelyAsync(reply, cancellationToken);
    }

    private async Task<string> AddAsync(InteractionContext context, ulong guildId, CancellationToken cancellationToken)
    {
        var text = (context.Data.GetString("text") ?? "").Trim();
        var category = QuestionCategory.Find(context.Data.GetString("category"));
        var depth = context.Data.GetInteger("depth");
        if (text.Length is 0 or > QuestionDeck.MaxTextLength)
            return $"A question needs 1 to {QuestionDeck.MaxTextLength} characters.";
        if (category is null || depth is not (>= 1 and <= 3))
            return "Please pick one of the listed categories and a depth from 1 to 3.";
        var added = await custom.AddAsync(guildId, text, category.Key, (int)depth, context.UserId, clock.GetCurrentInstant(), cancellationToken);
        return added is null
            ? $"This server already has {CustomQuestionRepository.MaxPerGuild} questions; remove some first."
            : $"Added as #{added.QuestionId} ({category.Name}, {QuestionCategory.DepthName(added.Depth)}). It joins the draw for pairs who use `/question` here.";
    }

    private async Task<string> ListAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var questions = await custom.ListAsync(guildId, cancellationToken);
        if (questions.Count == 0)
            return "This server has no questions of its own yet. Add one with `/deck add`.";
        var text = new StringBuilder("This server's questions:\n");
        foreach (var q in questions)
        {
            var line = $"`#{q.QuestionId}` {QuestionCategory.Find(q.Category)?.Name ?? q.Category}, {QuestionCategory.DepthName(q.Depth)} — {q.Text}\n";
            if (text.Length + line.Length > DiscordLimits.Content - 40)
            {
                text.Append($"…and {questions.Count - questions.ToList().IndexOf(q)} more.");
                break;
            }
            text.Append(line);
        }
        return text.ToString();
    }

    private async Task<string> RemoveAsync(InteractionContext context, ulong guildId, CancellationToken cancellationToken)
    {
        var id = context.Data.GetInteger("id");
        return id is { } questionId && await custom.RemoveAsync(guildId, questionId, clock.GetCurrentInstant(), cancellationToken)
            ? $"Removed question #{questionId}."
            : "There's no question with that number in this server. `/deck list` shows them.";
    }
}
