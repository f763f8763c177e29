using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Guess;

/// <summary>How guessing rounds look. Before the reveal a card says only who is in, never what anyone wrote.</summary>
public static class GuessCards
{
    public const string AnswerPrefix = "g.answer";
    public const string PickPrefix = "g.pick";
    public const string OwnWordsPrefix = "g.own";
    public const string SubmitAnswerPrefix = "g.submit";
    public const string SubmitGuessPrefix = "g.guessed";
    public const string MarkPrefix = "g.mark";
    public const string TextField = "text";
    public const int MaxTextLength = 1000;
    private const int Violet = 0x9B59B6;

    /// <summary>The guess prompt with the answerer named in place of <c>{partner}</c>.</summary>
    public static string GuessQuestion(GuessRound round) =>
        round.GuessText.Replace("{partner}", PairingMessages.Mention(round.AnswererId), StringComparison.Ordinal);

    /// <summary>The answerer's own prompt (the reply to <c>/guess</c>), with <b>Answer</b>.</summary>
    public static MessagePayload AskReply(GuessRound round) => new()
    {
        Embeds =
        [
            new Embed
            {
                Title = "🔮 Guess my answer",
                Description = $"**{round.AskText}**\n\nAnswer for yourself. {PairingMessages.Mention(round.GuesserId)} will guess what you said; " +
                              "neither of you sees the other's until you're both in.",
                Color = Violet,
            },
        ],
        Components = [Component.Row(Component.Button(CustomId.Create(AnswerPrefix, round.GuessId), "Answer", ButtonStyle.Primary))],
    };

    /// <summary>The guesser's card: one button per choice (when the prompt has choices) and <b>In my own words</b>, else
    /// just <b>Guess</b>. After the reveal the same card, without buttons.</summary>
    public static MessagePayload GuessCard(GuessRound round, IReadOnlyList<string> choices) => new()
    {
        Embeds =
        [
            new Embed
            {
                Title = round.IsOpen ? "🔮 Your turn to guess" : "🔮 Guessed together",
                Description = $"Guess what {PairingMessages.Mention(round.AnswererId)} said: **{GuessQuestion(round)}**\n\n" + (round.IsOpen
                    ? $"Your guess stays hidden until {PairingMessages.Mention(round.AnswererId)} has answered too; then you both see answer and guess side by side."
                    : "The reveal is in its own message."),
                Color = Violet,
            },
        ],
        Components = round.IsOpen ? GuessButtons(round, choices) : [],
    };

    public static IReadOnlyList<Component> GuessButtons(GuessRound round, IReadOnlyList<string> choices)
    {
        var buttons = choices.Select((c, i) => Component.Button(CustomId.Create(PickPrefix, round.GuessId, i), DiscordLimits.Truncate(c, DiscordLimits.ButtonLabel)))
            .Append(Component.Button(CustomId.Create(OwnWordsPrefix, round.GuessId), choices.Count > 0 ? "In my own words" : "Guess", ButtonStyle.Primary));
        return buttons.Chunk(DiscordLimits.ButtonsPerRow).Take(DiscordLimits.ActionRows).Select(row => Component.Row(row)).ToList();
    }

    public static ModalPayload AnswerModal(GuessRound round) => TextModal(CustomId.Create(SubmitAnswerPrefix, round.GuessId), "Your answer", round.AskText,
        "Your answer", "Hidden until your partner has guessed.");

    public static ModalPayload GuessModal(GuessRound round) => TextModal(CustomId.Create(SubmitGuessPrefix, round.GuessId), "Your guess", GuessQuestion(round),
        "Your guess", "Hidden until they have answered too.");

    // A text display carries the whole question (a label would cut it at 45 characters); no value is pre-filled, so
    // nothing written earlier is ever sent back out before the reveal. Descriptions do not render mentions, hence
    // "your partner" there.
    private static ModalPayload TextModal(string customId, string title, string question, string label, string description) => new(customId, title,
    [
        Component.TextDisplay(DiscordLimits.Truncate($"### {question}", DiscordLimits.TextDisplay)),
        Component.LabeledTextInput(TextField, label, TextInputStyle.Paragraph, MaxTextLength, placeholder: "A few words are plenty.", description: description),
    ]);

    /// <summary>Quotes every line of a person's text, as question reveals do, so a newline cannot escape the quote.</summary>
}
