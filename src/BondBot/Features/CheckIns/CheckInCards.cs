using BondBot.Discord;
using BondBot.Interactions;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.CheckIns;

/// <summary>How check-ins look: the mood buttons, the three-question modal, and the card the partner receives.</summary>
public static class CheckInCards
{
    public const string MoodPrefix = "ci.mood";
    public const string NotesPrefix = "ci.notes";
    public const string GoodField = "good";
    public const string StressField = "stress";
    public const string NeedField = "need";
    private const int Warm = 0xF39C12;
    private static readonly string[] MoodFaces = ["😞", "😕", "😐", "🙂", "😄"];

    public static string Face(long mood) => mood is >= 1 and <= 5 ? MoodFaces[mood - 1] : "";

    public static string DateKey(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static LocalDate? ParseDate(string? key) => key is not null && LocalDatePattern.Iso.Parse(key) is { Success: true } r ? r.Value : null;

    public static Embed PromptEmbed(string? intro = null) => new()
    {
        Title = "🌤 Your check-in",
        Description = (intro is null ? "" : intro + "\n\n") + "How are you feeling today? Pick a mood, then (if you like) share one good thing, one thing weighing on you, and one thing you need.",
        Color = Warm,
    };

    public static Component MoodRow(LocalDate date) =>
        Component.Row(Enumerable.Range(1, 5).Select(m => Component.Button(CustomId.Create(MoodPrefix, m, DateKey(date)), $"{m} {MoodFaces[m - 1]}")).ToArray());

    public static MessagePayload Prompt(LocalDate date) => new() { Embeds = [PromptEmbed()], Components = [MoodRow(date)] };

    public static ModalPayload NotesModal(LocalDate date, int mood) => new(
        CustomId.Create(NotesPrefix, DateKey(date), mood),
        $"Check-in — mood {mood} {Face(mood)}",
        [
            Component.LabeledTextInput(GoodField, "One good thing today", TextInputStyle.Short, CheckInService.MaxNoteLength, required: false, placeholder: "Big or tiny, it counts"),
            Component.LabeledTextInput(StressField, "One thing weighing on you", TextInputStyle.Short, CheckInService.MaxNoteLength, required: false),
            Component.LabeledTextInput(NeedField, "One thing you need from your partner", TextInputStyle.Short, CheckInService.MaxNoteLength, required: false, placeholder: "A call, a kind word, some space…"),
        ]);

    public static MessagePayload PartnerCard(CheckIn checkIn)
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
                    Description = $"<@{checkIn.UserId}> is feeling **{checkIn.Mood}/5** {Face(checkIn.Mood)} today.",
                    Fields = fields,
                    Color = Warm,
                    Footer = new EmbedFooter("A small reply goes a long way — a message, a call, or just \"I'm here\"."),
                },
            ],
        };
    }

    public static string Saved(StreakCalculator.Streaks? streaks) => streaks is not { } s
        ? "Check-in saved 💛"
        : s.Current > 0
            ? $"Check-in saved 💛 You two are on a **{s.Current}-day** streak (best: {s.Best})."
            : "Check-in saved 💛 Your streak starts the first day you both check in.";
}
