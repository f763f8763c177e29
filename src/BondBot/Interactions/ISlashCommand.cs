using BondBot.Discord;

namespace BondBot.Interactions;

/// <summary>
/// A slash command: its definition (name, description, options) sits next to its handler, so what users see and
/// what runs are read together. Registered in DI; the router finds it by name.
/// </summary>
public interface ISlashCommand
{
    ApplicationCommand Definition { get; }

    /// <summary>Whether an automatic deferral (slow handler) should be private. Most BondBot replies are.</summary>
    bool DefersPrivately => true;

    Task HandleAsync(InteractionContext context, CancellationToken cancellationToken);

    /// <summary>Suggests values while the user types an option marked autocomplete.</summary>
    Task AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken) =>
        context.Responder.AutocompleteAsync([], cancellationToken);
}

/// <summary>
/// Handles buttons, selects and modal submits whose <c>custom_id</c> starts with <see cref="Prefix"/> followed by
/// ':' (or equals it). Arguments after the prefix are untrusted input: handlers re-check everything against the
/// database and the invoking user.
/// </summary>
public interface IComponentHandler
{
    string Prefix { get; }

    Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken);
}
