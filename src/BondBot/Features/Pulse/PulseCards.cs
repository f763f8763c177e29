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

    public static MessagePayload Results(PulseRepository.Ratings mine, PulseRepository.Ratings? lastMonth, PulseRepository.Ratings? partner, ulong partnerId) => new()
    {
        Content = "",
        Embeds = [new Embed { Title = "💗 Your closeness pulse", Description = DiscordLimits.Truncate(Lines(mine, lastMonth, partner, partnerId, withSuggestion: true), DiscordLimits.EmbedDescription), Color = Violet }],
        Components = [],
    };

    /// <summary>One line per dimension: your bar, the change since last month, and your partner's bar once unlocked.</summary>
    public static string Lines(PulseRepository.Ratings mine, PulseRepository.Ratings? lastMonth, PulseRepository.Ratings? partner, ulong partnerId, bool withSuggestion)
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
        if (!withSuggestion)
            return text.ToString().TrimEnd();
        if (partner is null)
            text.Append($"\nYou'll see {PairingName(partnerId)} side by side once they've answered this month too.");
        else
        {
            var lowest = Enumerable.Range(0, PulseDimension.All.Count).MinBy(i => mine.Values[i]!.Value + partner.Values[i]!.Value);
            text.Append($"\n🌱 A gentle idea for **{PulseDimension.All[lowest].Name}**: {PulseDimension.All[lowest].Suggestion}");
        }
        return text.ToString();
    }

    public static Component OfferRow(string month) =>
        Component.Row(Component.Button(CustomId.Create(StartPrefix, month), "Monthly closeness pulse 💗", ButtonStyle.Primary));

    private static string Signed(long delta) => delta > 0 ? $"+{delta}" : delta.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string PairingName(ulong partnerId) => $"<@{partnerId}>'s ratings";
}
