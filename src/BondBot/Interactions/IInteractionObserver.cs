namespace BondBot.Interactions;

/// <summary>Runs after every interaction a person makes (once it was answered) (commands, buttons, forms), for what a feature learns from
/// the person being active — e.g. that deliveries held for them can be tried again. Never replies.</summary>
public interface IInteractionObserver
{
    Task ObserveAsync(InteractionContext context, CancellationToken cancellationToken);
}
