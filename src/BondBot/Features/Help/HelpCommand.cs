using System.Text;
using BondBot.Discord;
using BondBot.Interactions;

namespace BondBot.Features.Help;

/// <summary><c>/help</c>: every command in one line each, how privacy works, and that BondBot is not therapy.</summary>
public sealed class HelpCommand(CommandCatalog catalog) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "help",
        Description = "What BondBot does, its commands, and how your answers stay private",
    };

    public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var commands = new StringBuilder();
        foreach (var command in catalog.Definitions)
            commands.Append("`/").Append(command.Name).Append("` — ").AppendLine(command.Description);

        var embed = new Embed
        {
            Title = "BondBot — small daily steps closer",
            Description = DiscordLimits.Truncate(commands.ToString(), DiscordLimits.EmbedDescription),
            Color = 0xE91E63,
            Fields =
            [
                new EmbedField("Privacy", "Your answers stay hidden until your partner has answered too; then both are revealed together, privately. Replies to commands are visible only to you. `/privacy export` sends you all your data; `/privacy delete` erases it."),
                new EmbedField("Not therapy", "BondBot is a conversation companion, not therapy or counselling. If things feel heavy, a couples counsellor can help."),
            ],
        };
        return context.ReplyPrivatelyAsync(new MessagePayload { Embeds = [embed] }, cancellationToken);
    }
}
