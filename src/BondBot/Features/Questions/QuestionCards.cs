using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Questions;

/// <summary>How questions and reveals look. A card shows only who has answered, never what.</summary>
public static class QuestionCards
{
    public const string AnswerPrefix = "q.answer";
    public const string NewPrefix = "q.new";
    public const string NotYetPrefix = "q.later";
    public const string SubmitPrefix = "q.submit";
    public const string AnswerField = "answer";
    private const int Teal = 0x1ABC9C;

    public static MessagePayload Card(Round round, Pair pair, IReadOnlyCollection<ulong> answered)
    {
        var category = QuestionCategory.Find(round.Category);
        var status = string.Join("  ·  ", new[] { pair.UserA, pair.UserB }.Select(u => answered.Contains(u) ? $"✅ <@{u}> answered" : $"⏳ waiting for <@{u}>"));
        if (round.SwappedBy is { } swapper)
            status = $"🔄 <@{swapper}> swapped in this question.\n{status}";
        if (round.SetAsideTimes > 0 && round.IsOpen)
            status = $"🌙 Back from another day — answers given before are kept.\n{status}";
        var open = round.IsOpen;
        return new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = open ? "💬 A question for the two of you" : round.Status switch
                    {
                        "revealed" => "🔓 Answered together",
                        "set-aside" or "retired" => "🌙 Saved for another day",
                        _ => "💬 Replaced question",
                    },
                    Description = round.QuestionText,
                    Color = Teal,
                    Fields =
                    [
                        new EmbedField("For", $"<@{pair.UserA}> & <@{pair.UserB}>", Inline: true),
                        new EmbedField("Category", category is null ? round.Category : $"{category.Emoji} {category.Name}", Inline: true),
                        new EmbedField("Depth", QuestionCategory.DepthName(round.Depth), Inline: true),
                        new EmbedField("Status", open ? status + "\nAnswers stay hidden until you've both answered." : status),
                    ],
                },
            ],
            Components = open
                ?
                [
                    Component.Row(
                        Component.Button(CustomId.Create(AnswerPrefix, round.RoundId), "Answer", ButtonStyle.Primary),
                        Component.Button(CustomId.Create(NewPrefix, round.RoundId), "New question"),
                        Component.Button(CustomId.Create(NotYetPrefix, round.RoundId), "Not yet")),
                ]
                : [],
        };
    }

    /// <summary>Whether a card may be posted where others can see it: never a Deepest question or a repair one.</summary>
    public static bool MayBePublic(Round round) => round.Depth < 3 && round.Category != QuestionCategory.Repair.Key;

    public static MessagePayload Reveal(Round round, IReadOnlyList<Answer> answers, string followUp) => new()
    {
        Embeds =
        [
            new Embed
            {
                Title = "🔓 You both answered",
                Description = DiscordLimits.Truncate(
                    $"**{round.QuestionText}**\n\n" + string.Join("\n\n", answers.Select(a => $"<@{a.UserId}>:\n{Quote.Lines(a.Text)}")),
                    DiscordLimits.EmbedDescription),
                Color = Teal,
                Footer = new EmbedFooter($"💬 {followUp}"),
            },
        ],
    };

    /// <summary>The answer form: the whole question as text (a label would cut it at 45 characters, a description at
    /// 100), then the answer box.</summary>
    public static ModalPayload AnswerModal(Round round, ulong partnerId, string? existing) => new(
        CustomId.Create(SubmitPrefix, round.RoundId),
        existing is null ? "Your answer" : "Edit your answer",
        [
            Component.TextDisplay(DiscordLimits.Truncate($"### {round.QuestionText}", DiscordLimits.TextDisplay)),
            Component.LabeledTextInput(AnswerField, "Your answer", TextInputStyle.Paragraph, QuestionService.MaxAnswerLength,
                placeholder: "Take your time — a few honest sentences are plenty.",
                value: existing,
                description: "Hidden until your partner answers too."),
        ]);

    /// <summary>A question to think about alone; <paramref name="paired"/> people are not told to pair up.</summary>
    public static MessagePayload Reflection(DeckQuestion question, bool paired = false) => new()
    {
        Embeds =
        [
            new Embed
            {
                Title = "💭 A question to reflect on",
                Description = question.Text,
                Color = Teal,
                Footer = new EmbedFooter(paired
                    ? "Just for you. If something comes up that you'd like to share, it will keep until they're back."
                    : "Answer it with your partner: pair up with /pair partner:@them and I'll keep both answers hidden until you've both answered."),
            },
        ],
    };

    // Block quotes keep each answer visually apart; every line is quoted so a newline cannot escape the quote.
}
