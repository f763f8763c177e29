namespace BondBot.Interactions;

/// <summary>Runs after a slash command was handled successfully, for notes a feature owes the person (e.g. "your DMs
/// are closed"). Epilogues only follow up; they never replace the command's own reply.</summary>
public interface ICommandEpilogue
{
    Task AfterCommandAsync(InteractionContext context, CancellationToken cancellationToken);
}
