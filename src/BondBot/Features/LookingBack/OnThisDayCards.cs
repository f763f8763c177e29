using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.LookingBack;

/// <summary>How an old question looks when it comes back: the question, both answers quoted as they were revealed,
/// when that was (a Discord timestamp, so each partner reads it in their own zone), and "has anything changed?".</summary>
public static class OnThisDayCards
{
    public const string AskAgainPrefix = "otd.again";
    private const int Amber = 0xE3A857;

    public static MessagePayload Card(long roundId, OnThisDayRepository.Old old)
    {
        var when = old.RevealedAt.ToUnixTimeSeconds();
        var head = $"**{old.QuestionText}**\n\nYou both answered this on <t:{when}:D> (<t:{when}:R>):\n\n";
        const string tail = "\n\n**Has anything changed?** Tell each other, or ask it again and answer it fresh.";
        // Two answers of up to 1500 characters fit an embed; quoting adds "> " to every line, so each quoted answer gets
        // half of what is left and is shortened with "…" only when one is unusually long or has many lines.
        var room = Math.Max(200, (DiscordLimits.EmbedDescription - head.Length - tail.Length) / old.Answers.Count - 20);
        var answers = string.Join("\n\n", old.Answers.Select(a => $"{PairingMessages.Mention(a.UserId)}:\n{DiscordLimits.Truncate(Quote.Lines(a.Text), room)}"));
        return new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = "🕰️ On this day, a while back",
                    Description = DiscordLimits.Truncate(head + answers + tail, DiscordLimits.EmbedDescription),
                    Color = Amber,
                    Footer = new EmbedFooter("You both get this one this week. /couple looking_back:off turns these off."),
                },
            ],
            Components = [Component.Row(Component.Button(CustomId.Create(AskAgainPrefix, roundId), "Ask it again", ButtonStyle.Primary))],
        };
    }
}
