namespace BondBot.Discord;

/// <summary>Callback types (Receiving and Responding §Interaction Callback Type).</summary>
public enum InteractionCallbackType
{
    /// <summary>Reply with a message.</summary>
    ChannelMessageWithSource = 4,
    /// <summary>Acknowledge now ("thinking…"), edit the original later.</summary>
    DeferredChannelMessageWithSource = 5,
    /// <summary>Components: acknowledge without a loading state.</summary>
    DeferredUpdateMessage = 6,
    /// <summary>Components: edit the message the component is on.</summary>
    UpdateMessage = 7,
    /// <summary>Autocomplete choices.</summary>
    ApplicationCommandAutocompleteResult = 8,
    /// <summary>Show a modal; only as the first response, never to a modal submit.</summary>
    Modal = 9,
}

/// <summary>A modal (Receiving and Responding §Modal): title ≤45, 1–5 components.</summary>
public sealed record ModalPayload(string CustomId, string Title, IReadOnlyList<Component> Components);

/// <summary>Autocomplete result data: ≤25 choices.</summary>
internal sealed record AutocompletePayload(IReadOnlyList<CommandChoice> Choices);
