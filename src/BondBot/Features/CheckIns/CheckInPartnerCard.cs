using BondBot.Discord;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.CheckIns;

/// <summary>The card a partner receives when someone checks in, with a one-tap <b>💛 I'm here</b> reply: answering a
/// small bid is what builds closeness, so the easiest answer is one button away.</summary>
public static class CheckInPartnerCard
{
    public const string HerePrefix = "ci.here";

    public static MessagePayload For(CheckIn checkIn, bool answered = false)
    {
        var fields = new List<EmbedField>();
        if (checkIn.GoodThing is { } good) fields.Add(new EmbedField("🌱 A good thing", good));
        if (checkIn.Stress is { } stress) fields.Add(new EmbedField("🪨 Weighing on them", stress));
        if (checkIn.Need is { } need) fields.Add(new EmbedField("🤲 What they need from you", need));
        return new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = "🌤 Your partner checked in",
                    Description = $"{PairingMessages.Mention(checkIn.UserId)} is feeling **{checkIn.Mood}/5** {CheckInCards.Face(checkIn.Mood)} today.",
                    Fields = fields,
                    Color = CheckInCards.Warm,
                    Footer = new EmbedFooter(answered ? "You let them know you're here 💛" : "A small reply goes a long way: a message, a call, or one tap below."),
                },
            ],
            Components =
            [
                Component.Row(Component.Button(CustomId.Create(HerePrefix, checkIn.UserId, CheckInCards.DateKey(checkIn.LocalDate)),
                    answered ? "💛 Sent" : "💛 I'm here", ButtonStyle.Success, disabled: answered)),
            ],
        };
    }

    /// <summary>What the person who checked in receives when their partner taps <b>I'm here</b>.</summary>
    public static MessagePayload Here(ulong partnerId) => new()
    {
        Content = $"💛 {PairingMessages.Mention(partnerId)} saw your check-in and is here for you.",
    };
}
