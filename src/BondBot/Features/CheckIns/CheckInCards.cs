using BondBot.Discord;
using BondBot.Interactions;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.CheckIns;

/// <summary>How check-ins look: the mood buttons, the three-question modal, the day's entry once it is saved, and the
/// card the partner receives.</summary>
public static class CheckInCards
{
    public const string MoodPrefix = "ci.mood";
    public const string NotesPrefix = "ci.notes";
    public const string ChangePrefix = "ci.change";
    /// <summary>Marks a mood button that changes a saved check-in (without it, a tap shows the saved one instead).</summary>
    public const string ChangeFlag = "c";
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

    public static Component MoodRow(LocalDate date, bool change = false) =>
        Component.Row(Enumerable.Range(1, 5).Select(m => Component.Button(
            change ? CustomId.Create(MoodPrefix, m, DateKey(date), ChangeFlag) : CustomId.Create(MoodPrefix, m, DateKey(date)),
            $"{m} {MoodFaces[m - 1]}")).ToArray());

    public static MessagePayload Prompt(LocalDate date) => new() { Embeds = [PromptEmbed()], Components = [MoodRow(date)] };

    /// <summary>The mood buttons again, for changing a saved check-in: the notes stay as they are unless edited.</summary>
    public static MessagePayload ChangePrompt(LocalDate date) => new()
    {
        Content = "",
        Embeds = [new Embed { Title = "🌤 Change today's check-in", Description = "Pick your mood now. Your notes stay as they are unless you edit them.", Color = Warm }],
        Components = [MoodRow(date, change: true)],
    };

    /// <summary>The day's saved check-in, shown wherever that day's prompt is tapped again, with <b>Change</b>.</summary>
    public static MessagePayload CheckedIn(CheckIn checkIn, string? status = null)
    {
        var notes = new List<string>();
        if (checkIn.GoodThing is { } good) notes.Add($"🌱 {good}");
        if (checkIn.Stress is { } stress) notes.Add($"🪨 {stress}");
        if (checkIn.Need is { } need) notes.Add($"🤲 {need}");
        return new MessagePayload
        {
            Content = status ?? "",
            Embeds =
            [
                new Embed
                {
                    Title = $"🌤 Checked in ✓ {Face(checkIn.Mood)} {checkIn.Mood}",
                    Description = notes.Count == 0 ? "No notes this time." : string.Join("\n", notes),
                    Color = Warm,
                },
            ],
            Components = [Component.Row(Component.Button(CustomId.Create(ChangePrefix, DateKey(checkIn.LocalDate)), "Change", ButtonStyle.Secondary))],
        };
    }

    /// <summary>Which notes the modal showed pre-filled, one bit per field: a field left blank erases a saved note only
    /// when the person saw that note and cleared it, never because an older, empty form was sent.</summary>
    [Flags]
    public enum Shown { None = 0, Good = 1, Stress = 2, Need = 4 }

    public static ModalPayload NotesModal(LocalDate date, int mood, CheckIn? saved = null)
    {
        var shown = (saved?.GoodThing is null ? Shown.None : Shown.Good) | (saved?.Stress is null ? Shown.None : Shown.Stress) | (saved?.Need is null ? Shown.None : Shown.Need);
        return new ModalPayload(
            CustomId.Create(NotesPrefix, DateKey(date), mood, (int)shown),
            $"Check-in — mood {mood} {Face(mood)}",
            [
                Component.LabeledTextInput(GoodField, "One good thing today", TextInputStyle.Short, CheckInService.MaxNoteLength, required: false,
                    placeholder: "Big or tiny, it counts", value: saved?.GoodThing),
                Component.LabeledTextInput(StressField, "One thing weighing on you", TextInputStyle.Short, CheckInService.MaxNoteLength, required: false,
                    value: saved?.Stress),
                Component.LabeledTextInput(NeedField, "One thing you need from your partner", TextInputStyle.Short, CheckInService.MaxNoteLength, required: false,
                    placeholder: "A call, a kind word, some space…", value: saved?.Need),
            ]);
    }

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
        ? "Saved ✅"
        : s.Current > 0
            ? $"Saved ✅ You two are on a **{s.Current}-day** streak (best: {Plural.Of(s.Best, "day")})."
            : "Saved ✅ Your streak starts the first day you both check in.";
}
