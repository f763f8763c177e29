namespace BondBot.Features.Pulse;

/// <summary>Told when both partners have finished a month's pulse (the care message reacts to two low pulses). Pulse
/// owns the moment; the feature that reacts implements this, so the dependency points one way.</summary>
public interface IPulseObserver
{
    Task PairCompletedAsync(Pairing.Pair pair, ulong userId, PulseRepository.Ratings mine, PulseRepository.Ratings theirs, CancellationToken cancellationToken);
}
