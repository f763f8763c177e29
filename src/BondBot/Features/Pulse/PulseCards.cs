using System.Text;
using BondBot.Discord;
using BondBot.Interactions;

namespace BondBot.Features.Pulse;

/// <summary>How the pulse looks: one dimension per step, then bars with the change since last month, and the pair's
/// side-by-side only once both partners answered that month.</summary>
public static class PulseCards
{
    public const string RatePrefix = "pulse.rate";
    public const string StartPrefix = "pulse.start";
    private const int Violet = 0x8E44AD;

    public static string Bar(long value) => new string('■', (int)value) + new string('□', 5 - (int)value);

    public static MessagePayload Step(int index, string month) => new()
    {
        Embeds =
        [
            new Embed
            {
                Title = $"💗 Closeness pulse · {index + 1}/{PulseDimension.All.Count}",
                Description = $"**{PulseDimension.All[index].Name}**\n“{PulseDimension.All[index].Statement}”\n\n1 = not really · 5 = completely. Your ratings stay private until you've both answered this month.",
                Color = Violet,
            },
        ],
        Components = [Component.Row(Enumerable.Range(1, 5).Select(v => Component.Button(CustomId.Create(RatePrefix, index, v, month), v.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray())],
    };

    public static MessagePayload Results(PulseRepository.Ratings mine, PulseRepository.Ratings? lastMonth, PulseRepository.Ratings? partner, ulong partnerId,
        PulseIdeas ideas, string month) => new()
    {
        Content = "",
        Embeds = [new Embed { Title = "💗 Your closeness pulse", Description = DiscordLimits.Truncate(Lines(mine, lastMonth, partner, partnerId, (ideas, month)), DiscordLimits.EmbedDescription), Color = Violet }],
        Components = [],
    };

    /// <summary>One line per dimension: your bar, the change since last month, and your partner's bar once unlocked;
    /// with <paramref name="suggest"/>, what to do with the numbers.</summary>
    public static string Lines(PulseRepository.Ratings mine, PulseRepository.Ratings? lastMonth, PulseRepository.Ratings? partner, ulong partnerId,
        (PulseIdeas Ideas, string Month)? suggest = null)
    {
        var text = new StringBuilder();
        for (var i = 0; i < PulseDimension.All.Count; i++)
        {
            var value = mine.Values[i]!.Value;
            var change = lastMonth?.Values[i] is { } before ? $" ({Signed(value - before)})" : "";
            text.Append($"**{PulseDimension.All[i].Name}** `{Bar(value)}` {value}{change}");
            if (partner is not null)
                text.Append($" · <@{partnerId}> `{Bar(partner.Values[i]!.Value)}` {partner.Values[i]}");
            text.Append('\n');
        }
        if (suggest is not var (ideas, month))
            return text.ToString().TrimEnd();
        if (partner is null)
            return text.Append($"\nYou'll see {PairingName(partnerId)} side by side once they've answered this month too.").ToString();
        text.Append("\n*Different numbers are a place to start talking, not a score.*\n");
        var areas = Enumerable.Range(0, PulseDimension.All.Count).ToList();
        var widest = areas.MaxBy(i => Math.Abs(mine.Values[i]!.Value - partner.Values[i]!.Value));
        if (mine.Values[widest] != partner.Values[widest] && ideas.QuestionFor(PulseDimension.All[widest].Key, month) is { } question)
            text.Append($"\n↔️ You see **{PulseDimension.All[widest].Name}** most differently (you {mine.Values[widest]}, <@{partnerId}> {partner.Values[widest]}). " +
                        $"Ask each other: “{question}”\n");
        var lowest = areas.MinBy(i => mine.Values[i]!.Value + partner.Values[i]!.Value);
        text.Append($"\n🌱 An idea for **{PulseDimension.All[lowest].Name}** this month: {ideas.IdeaFor(PulseDimension.All[lowest].Key, month)}");
        return text.ToString();
    }

    public static Component OfferRow(string month) =>
        Component.Row(Component.Button(CustomId.Create(StartPrefix, month), "Monthly closeness pulse 💗", ButtonStyle.Primary));

    private static string Signed(long delta) => delta > 0 ? $"+{delta}" : delta.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string PairingName(ulong partnerId) => $"<@{partnerId}>'s ratings";
}
