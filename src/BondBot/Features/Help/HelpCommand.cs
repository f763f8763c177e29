using System.Text;
using BondBot.Discord;
using BondBot.Interactions;

namespace BondBot.Features.Help;

/// <summary><c>/help</c>: where to start, the commands in groups (admin commands only for those who can use them),
/// how privacy works, and that BondBot is not therapy. Command names become clickable mentions on the way out.</summary>
public sealed class HelpCommand(CommandCatalog catalog) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "help",
        Description = "What BondBot does, its commands, and how your answers stay private",
    };

    /// <summary>The first three steps, in order.</summary>
    public static readonly IReadOnlyList<(string Command, string What)> StartHere =
    [
        ("pair", "invite your partner"),
        ("settings", "your time zone and check-in time"),
        ("question", "your first question together"),
    ];

    /// <summary>Every other command, grouped; each group lists commands by name (descriptions come from the catalog).</summary>
    public static readonly IReadOnlyList<(string Title, string[] Commands)> Groups =
    [
        ("Every day", ["checkin", "question", "appreciate"]),
        ("Play together", ["this-or-that", "guess"]),
        ("Together", ["space", "memories", "insights", "pulse", "couple"]),
        ("Far apart", ["us", "visit", "note", "thinking"]),
        ("When it's hard", ["repair"]),
        ("You and your data", ["settings", "pause", "resume", "unpair", "privacy"]),
    ];

    /// <summary>Commands for server admins, shown only to members with Manage Server.</summary>
    public static readonly IReadOnlyList<string> AdminCommands = ["deck", "space category", "admin"];

    public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var start = new StringBuilder("**Start here**\n");
        for (var i = 0; i < StartHere.Count; i++)
            start.Append(i + 1).Append(". `/").Append(StartHere[i].Command).Append("` — ").AppendLine(StartHere[i].What);

        var fields = Groups.Select(g => new EmbedField(g.Title, Lines(g.Commands))).ToList();
        if (context.InGuild && (context.MemberPermissions & (Permissions.ManageGuild | Permissions.Administrator)) != 0)
            fields.Add(new EmbedField("For server admins", string.Join('\n', AdminCommands.Select(c => c == "space category"
                ? "`/space category` — where new private spaces are created"
                : Line(c)))));
        fields.Add(new EmbedField("Privacy", "Your answers stay hidden until your partner has answered too; then both are revealed together, privately. " +
                                             "Not ready for a question? **Not yet** on its card sets it aside for another day, and an answer you gave stays unseen. " +
                                             "Replies to commands are visible only to you. `/privacy export` sends you all your data; `/privacy story` the story you two share; `/privacy delete` erases it."));
        fields.Add(new EmbedField("Not therapy", "I'm a conversation companion, not therapy or counselling. If things feel heavy, a couples counsellor can help."));

        var embed = new Embed
        {
            Title = "BondBot — small daily steps closer",
            Description = start.ToString(),
            Color = 0xE91E63,
            Fields = fields,
        };
        return context.ReplyPrivatelyAsync(new MessagePayload { Embeds = [embed] }, cancellationToken);
    }

    private string Lines(IEnumerable<string> commands) => string.Join('\n', commands.Select(Line));

    private string Line(string name) =>
        catalog.Definitions.FirstOrDefault(c => c.Name == name) is { } command ? $"`/{command.Name}` — {command.Description}" : $"`/{name}`";
}
