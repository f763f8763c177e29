using BondBot.Discord;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary>The check-in form opened by a mood button: the day's three rotating questions, pre-filled when changing a
/// saved check-in, and a line saying who sees what is written.</summary>
public static class CheckInForm
{
    public const string Prefix = "ci.notes";
    public const string GoodField = "good";
    public const string StressField = "stress";
    public const string NeedField = "need";

    /// <summary>Which notes the modal showed pre-filled, one bit per field: a field left blank erases a saved note only
    /// when the person saw that note and cleared it, never because an older, empty form was sent.</summary>
    [Flags]
    public enum Shown { None = 0, Good = 1, Stress = 2, Need = 4 }

    public static ModalPayload For(LocalDate date, int mood, CheckInPrompts.Day questions, CheckInAudience audience, CheckIn? saved = null)
    {
        var shown = (saved?.GoodThing is null ? Shown.None : Shown.Good) | (saved?.Stress is null ? Shown.None : Shown.Stress) | (saved?.Need is null ? Shown.None : Shown.Need);
        return new ModalPayload(
            CustomId.Create(Prefix, CheckInCards.DateKey(date), mood, (int)shown),
            $"Check-in — mood {mood} {CheckInCards.Face(mood)}",
            [
                Component.TextDisplay(audience.FormLine),
                Input(GoodField, questions.Good, saved?.GoodThing),
                Input(StressField, questions.Weight, saved?.Stress),
                Input(NeedField, questions.Need, saved?.Need),
            ]);
    }

    private static Component Input(string field, CheckInPrompt prompt, string? value) =>
        Component.LabeledTextInput(field, prompt.Label, TextInputStyle.Short, CheckInService.MaxNoteLength, required: false,
            placeholder: prompt.Placeholder, value: value);
}
