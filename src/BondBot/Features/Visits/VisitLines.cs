using BondBot.Content;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Visits;

/// <summary>The one line a visit adds to the daily check-in (and to <c>/us</c>), by phase on the viewer's own date.</summary>
public static class VisitLines
{
    /// <summary>After a goodbye, one question to sit with. Picked by the visit, so both partners get the same one and
    /// can compare.</summary>
    public static readonly IReadOnlyList<string> Reflections =
    [
        "What moment from the visit do you want to keep?",
        "What felt easier in person than it does from afar?",
        "What's one small thing from those days you could carry into the weeks apart?",
        "When did you feel closest to each other?",
        "What would you like to do again next time — or differently?",
    ];

    public static string? For(Visit visit, LocalDate today, Func<LocalDate, bool>? promptsOn = null) => VisitCalendar.PhaseOn(visit, today, promptsOn) switch
    {
        VisitPhase.Ahead => $"✈️ {Plural.Of(VisitCalendar.DaysUntil(today, visit.StartsOn), "day")} until you see each other",
        VisitPhase.Planning => $"✈️ {Plural.Of(VisitCalendar.PlanningDaysBefore, "day")} until you see each other — time to plan a little: " +
                               "what's one thing you'd love to do together, and one thing you're nervous or excited about? Tell each other.",
        VisitPhase.Tomorrow => "Tomorrow you see each other ✈️",
        VisitPhase.Today => "Today's the day 💛",
        VisitPhase.Together => "Together now — enjoy it 💛",
        VisitPhase.AfterGoodbye => "🫂 After the goodbye: the first day apart again can feel quiet. How are you landing? " +
                                   EmbeddedDeck.ForDay(Reflections, (int)(visit.VisitId % int.MaxValue)),
        _ => null,
    };
}
