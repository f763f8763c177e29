using BondBot.Discord;
using BondBot.Interactions;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.CheckIns;

/// <summary>How check-ins look to the person checking in: the prompt with its mood buttons and the day's entry once it
/// is saved (the form is <see cref="CheckInForm"/>, the partner's card <see cref="CheckInPartnerCard"/>).</summary>
public static class CheckInCards
{
    public const string MoodPrefix = "ci.mood";
    public const string ChangePrefix = "ci.change";
    /// <summary>Marks a mood button that changes a saved check-in (without it, a tap shows the saved one instead).</summary>
    public const string ChangeFlag = "c";
    internal const int Warm = 0xF39C12;
    private static readonly string[] MoodFaces = ["😞", "😕", "😐", "🙂", "😄"];

    public static string Face(long mood) => mood is >= 1 and <= 5 ? MoodFaces[mood - 1] : "";

    public static string DateKey(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static LocalDate? ParseDate(string? key) => key is not null && LocalDatePattern.Iso.Parse(key) is { Success: true } r ? r.Value : null;

    /// <summary>The check-in prompt: today's three questions (they rotate daily) and who will see the answers.</summary>
    public static Embed PromptEmbed(CheckInPrompts.Day questions, CheckInAudience audience, string? intro = null) => new()
    {
        Title = "🌤 Your check-in",
        Description = (intro is null ? "" : intro + "\n\n") +
                      "How are you feeling today? Pick a mood, then, if you like, answer three short questions:\n" +
                      $"🌱 {questions.Good.Label}\n🪨 {questions.Weight.Label}\n🤲 {questions.Need.Label}\n\n{audience.PromptLine}",
        Color = Warm,
    };

    public static Component MoodRow(LocalDate date, bool change = false) =>
        Component.Row(Enumerable.Range(1, 5).Select(m => Component.Button(
            change ? CustomId.Create(MoodPrefix, m, DateKey(date), ChangeFlag) : CustomId.Create(MoodPrefix, m, DateKey(date)),
            $"{m} {MoodFaces[m - 1]}")).ToArray());

    public static MessagePayload Prompt(LocalDate date, CheckInPrompts.Day questions, CheckInAudience audience, string? intro = null) =>
        new() { Embeds = [PromptEmbed(questions, audience, intro)], Components = [MoodRow(date)] };

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

    public static string Saved(CheckInAudience audience, StreakCalculator.Streaks? streaks) => streaks is not { } s
        ? audience.SavedLine
        : s.Current > 0
            ? $"{audience.SavedLine} You two are on a **{s.Current}-day** streak (best: {Plural.Of(s.Best, "day")})."
            : $"{audience.SavedLine} Your streak starts the first day you both check in.";
}
