using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary>Told after a mood is recorded, for features that care about moods over time (the care message). CheckIns
/// owns the moment; the feature that reacts implements this, so the dependency points one way.</summary>
public interface IMoodObserver
{
    Task MoodRecordedAsync(ulong userId, LocalDate date, CancellationToken cancellationToken);
}
