using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Care;

/// <summary>The care message: support of one's own first (a doctor, a counsellor, someone trusted), the partner as one
/// option among them, the configured resources, and two buttons that let the person answer without explaining.</summary>
public static class CareMessage
{
    public const string OkayPrefix = "care.ok";
    public const string PausePrefix = "care.pause";
    public const int PauseDays = 7;
    private const int Gold = 0xF1C40F;

    /// <summary>Why it was sent, said first so the person knows what I noticed.</summary>
    public enum Reason { LowMoods, LowPulse }

    public static MessagePayload For(Reason reason, ulong? partnerId, IReadOnlyList<string> resources)
    {
        var noticed = reason == Reason.LowMoods
            ? "Your last few check-ins have been heavy days."
            : "This month's closeness pulse came out low for both of you.";
        var partner = partnerId is { } p
            ? $" {PairingMessages.Mention(p)} can be one of those people too, if that feels right."
            : "";
        var list = resources.Count == 0 ? "" : "\n\n**Places to turn**\n" + string.Join('\n', resources.Select(r => "• " + r));
        return new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = "💛 Checking in on you",
                    Description = DiscordLimits.Truncate(
                        $"{noticed} You don't have to carry that alone. Support of your own comes first: a doctor, a counsellor or " +
                        $"therapist of your own, or someone you trust.{partner}{list}\n\n" +
                        $"I'm a companion, not therapy. Only you received this, and I won't send it again for {Plural.Of((int)CareService.Cooldown.Days, "day")}.",
                        DiscordLimits.EmbedDescription),
                    Color = Gold,
                },
            ],
            Components =
            [
                Component.Row(
                    Component.Button(CustomId.Create(OkayPrefix), "I'm okay", ButtonStyle.Secondary),
                    Component.Button(CustomId.Create(PausePrefix), $"Pause check-ins for {Plural.Of(PauseDays, "day")}", ButtonStyle.Secondary)),
            ],
        };
    }

    /// <summary>The message after a button: the text stays (the resources may be needed later), the buttons go.</summary>
    public static MessagePayload Answered(Message? shown, string status) =>
        new() { Content = status, Embeds = shown?.Embeds, Components = [] };
}
