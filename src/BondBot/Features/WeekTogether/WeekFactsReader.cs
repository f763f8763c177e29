using BondBot.Features.Appreciation;
using BondBot.Features.CheckIns;
using BondBot.Features.Notes;
using BondBot.Features.Pairing;
using BondBot.Features.Questions;
using NodaTime;

namespace BondBot.Features.WeekTogether;

/// <summary>Gathers a pair's week from the features that own each fact; the week runs from <c>from</c> for seven days in
/// the zone given (the partner whose prompt brings the card).</summary>
public sealed class WeekFactsReader(CheckInRepository checkIns, RevealedCountsRepository revealed, AppreciationRepository appreciation, NoteRepository notes)
{
    public async Task<WeekFacts> ReadAsync(Pair pair, LocalDate from, DateTimeZone zone, CancellationToken cancellationToken)
    {
        var start = zone.AtStartOfDay(from).ToInstant();
        var end = zone.AtStartOfDay(from.PlusDays(7)).ToInstant();
        var both = (await checkIns.DaysBothCheckedInAsync(pair.PairId, pair.UserA, pair.UserB, cancellationToken)).ToHashSet();
        var rounds = await revealed.RevealedBetweenAsync(pair.PairId, start, end, cancellationToken);
        var appreciations = await appreciation.CountSinceAsync(pair.PairId, start, cancellationToken) - await appreciation.CountSinceAsync(pair.PairId, end, cancellationToken);
        var sent = appreciations + await notes.CountNotesBetweenAsync(pair.PairId, start, end, cancellationToken);
        return new WeekFacts(from, Enumerable.Range(0, 7).Select(i => both.Contains(from.PlusDays(i))).ToList(), rounds.Count, sent,
            rounds.FirstOrDefault(r => r.Depth > 1)?.QuestionText);
    }
}
