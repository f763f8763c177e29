using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.WeekTogether;

/// <summary>
/// What a pair's week held, all of it already seen by both: the days both checked in (the streak shows them too),
/// questions revealed, notes that reached each other, and the deepest question they opened (its text, never an answer).
/// </summary>
public sealed record WeekFacts(LocalDate From, IReadOnlyList<bool> BothIn, int Revealed, int Notes, string? DeepestQuestion)
{
    public LocalDate To => From.PlusDays(6);
    public int DaysBothIn => BothIn.Count(b => b);

    /// <summary>A week with nothing in it gets no card: an empty picture reads as a reproach.</summary>
    public bool Empty => DaysBothIn == 0 && Revealed == 0 && Notes == 0;

    /// <summary>One line the week is remembered by, the rarest thing first.</summary>
    public string Highlight => this switch
    {
        { DaysBothIn: 7 } => "Seven days out of seven, you both checked in.",
        { DeepestQuestion: { } question } => $"You opened up about: “{Shorten(question, 90)}”",
        { Notes: >= 3 } => $"{Plural.Of(Notes, "note")} travelled between you.",
        { DaysBothIn: > 0 } => $"{Plural.Of(DaysBothIn, "day")} of checking in on each other.",
        _ => "A quieter week. Quiet weeks count too.",
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
}
