using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Guess;

/// <summary>The reveal (answer and guess side by side), the answerer's marks, the guesser's warm notice, and the
/// status of an open round. The only number shown is how many rounds the two have played together.</summary>
public static class GuessRevealCards
{
    private const int Violet = 0x9B59B6;

    /// <summary>The reveal for one partner; the answerer's copy carries <b>Spot on</b> / <b>Close</b> / <b>Not quite</b>.</summary>
    public static MessagePayload Reveal(GuessRound round, int played, bool forAnswerer)
    {
        var (answerer, guesser) = (PairingMessages.Mention(round.AnswererId), PairingMessages.Mention(round.GuesserId));
        var next = forAnswerer
            ? round.Mark is { } key && GuessMarks.Parse(key) is { } mark
                ? $"You said **{GuessMarks.Label(mark).ToLowerInvariant()}** — {guesser} knows. You can change it."
                : $"How close did {guesser} come? Tell them with a button — every answer is a good one."
            : $"{answerer} can tell you how close you came. Either way, you know them a little better now.";
        return new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = "🔮 Guess my answer — you're both in",
                    Description = $"**{GuessCards.GuessQuestion(round)}**\n\n{next}",
                    Color = Violet,
                    Fields =
                    [
                        new EmbedField("💭 The answer", Side(answerer, round.Answer), Inline: true),
                        new EmbedField("🔮 The guess", Side(guesser, round.Guess), Inline: true),
                    ],
                    Footer = new EmbedFooter($"🔮 {Plural.Of(played, "guessing round")} played together"),
                },
            ],
            Components = forAnswerer ? [MarkButtons(round)] : [],
        };
    }

    private static string Side(string who, string? text) =>
        DiscordLimits.Truncate($"{who}:\n{Quote.Lines(text ?? "(no longer kept)")}", DiscordLimits.EmbedFieldValue);

    private static Component MarkButtons(GuessRound round) => Component.Row(
        Enum.GetValues<GuessMark>().Select(m => Component.Button(CustomId.Create(GuessCards.MarkPrefix, round.GuessId, GuessMarks.Key(m)), GuessMarks.Label(m),
            GuessMarks.Parse(round.Mark) == m ? ButtonStyle.Success : ButtonStyle.Secondary)).ToArray());

    /// <summary>What the guesser is told when the answerer marks their guess: warm whatever the mark.</summary>
    public static MessagePayload MarkNotice(GuessRound round, GuessMark mark)
    {
        var who = PairingMessages.Mention(round.AnswererId);
        return new MessagePayload
        {
            Content = mark switch
            {
                GuessMark.SpotOn => $"{who} says your guess was spot on 🎯 You know them well.",
                GuessMark.Close => $"{who} says your guess was close 🙂 Ask them about the part you nearly had.",
                _ => $"{who} says your guess was not quite it — now you know something new about them 💛",
            },
        };
    }

    /// <summary>A second <c>/guess</c> while a round is open: the round, who is in, and the caller's move if any.</summary>
    public static MessagePayload OpenStatus(GuessRound round, ulong callerId, IReadOnlyList<string> choices)
    {
        var (answerer, guesser) = (PairingMessages.Mention(round.AnswererId), PairingMessages.Mention(round.GuesserId));
        var isAnswerer = callerId == round.AnswererId;
        var yourMoveDone = isAnswerer ? round.Answered : round.Guessed;
        var status = $"{(round.Answered ? "✅" : "⏳")} {answerer} answers  ·  {(round.Guessed ? "✅" : "⏳")} {guesser} guesses";
        var move = yourMoveDone
            ? $"Yours is in. Waiting for {(isAnswerer ? guesser : answerer)}; nothing is shown until you're both in."
            : isAnswerer ? "Your move: answer it for yourself." : "Your move: make your guess.";
        return new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = "🔮 A guessing round is already open",
                    Description = $"**{(isAnswerer ? round.AskText : GuessCards.GuessQuestion(round))}**\n\n{status}\n{move}",
                    Color = Violet,
                },
            ],
            Components = yourMoveDone ? []
                : isAnswerer ? [Component.Row(Component.Button(CustomId.Create(GuessCards.AnswerPrefix, round.GuessId), "Answer", ButtonStyle.Primary))]
                : GuessCards.GuessButtons(round, choices),
        };
    }
}
