using BondBot.Discord.Rest;

namespace BondBot.Discord.Interactions;

/// <summary>
/// Answers one interaction correctly whatever order a handler calls things in (Receiving and Responding
/// §Responding to an Interaction): the first response is a callback, later ones become edits or follow-ups, a
/// modal is refused once anything else was sent, and nothing is acknowledged twice (40060). If the handler has
/// not answered in time, <see cref="StartAutoDefer"/> defers for it so the token never expires (10062).
/// </summary>
public sealed class InteractionResponder
{
    private readonly DiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private State _state = State.None;

    /// <summary>Creates a responder for an interaction received at <paramref name="receivedAt"/>.</summary>
    public InteractionResponder(DiscordRestClient rest, Interaction interaction, DateTimeOffset receivedAt, TimeProvider time)
    {
        _rest = rest;
        Interaction = interaction;
        ReceivedAt = receivedAt;
        _time = time;
    }

    private enum State { None, Deferred, DeferredUpdate, Replied, Modal, Autocompleted }

    /// <summary>The interaction being answered.</summary>
    public Interaction Interaction { get; }
    /// <summary>Local receipt time; the 3-second deadline counts from here.</summary>
    public DateTimeOffset ReceivedAt { get; }
    /// <summary>True once any initial response was sent.</summary>
    public bool Acknowledged => _state != State.None;
    /// <summary>When the first response (reply, deferral, modal or choices) reached Discord; null before that.</summary>
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    /// <summary>True when the interaction was deferred automatically because the handler was slow.</summary>
    public bool AutoDeferred { get; private set; }

    /// <summary>Replies with a message: the first response, the edit of a deferred "thinking…" message, or a follow-up.</summary>
    public Task ReplyAsync(MessagePayload message, CancellationToken cancellationToken = default) => WithTurnAsync(async () =>
    {
        switch (_state)
        {
            case State.None:
                await _rest.RespondAsync(Interaction.Id, Interaction.Token, InteractionCallbackType.ChannelMessageWithSource, message, cancellationToken);
                _state = State.Replied;
                break;
            case State.Deferred:
                await _rest.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message with { Flags = null }, cancellationToken);
                _state = State.Replied;
                break;
            default:
                await _rest.CreateFollowUpAsync(Interaction.ApplicationId, Interaction.Token, message, cancellationToken);
                break;
        }
    });

    /// <summary>Replies with a message and files (an image beside the text). Files travel on a webhook edit, so a
    /// first response defers (private when the message is) and then fills in the deferred message with them.</summary>
    public Task ReplyWithFilesAsync(MessagePayload message, IReadOnlyList<FileUpload> files, CancellationToken cancellationToken = default) => WithTurnAsync(async () =>
    {
        if (_state == State.None)
            await DeferCoreAsync(message.Flags is { } flags && flags.HasFlag(MessageFlags.Ephemeral), cancellationToken);
        if (_state != State.Deferred)
            throw new InvalidOperationException("Files can only fill in a deferred reply.");
        await _rest.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message with { Flags = null }, files, cancellationToken);
        _state = State.Replied;
    });

    /// <summary>Edits the message a component is on (callback 7, or an edit after a deferred update).</summary>
    public Task UpdateMessageAsync(MessagePayload message, CancellationToken cancellationToken = default) => WithTurnAsync(async () =>
    {
        if (Interaction.Type is not (InteractionType.MessageComponent or InteractionType.ModalSubmit) || Interaction.Message is null)
            throw new InvalidOperationException("Only component interactions (and modals opened from them) can update their message.");
        if (_state == State.None)
        {
            await _rest.RespondAsync(Interaction.Id, Interaction.Token, InteractionCallbackType.UpdateMessage, message, cancellationToken);
            _state = State.Replied;
        }
        else if (_state == State.DeferredUpdate)
        {
            await _rest.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message, cancellationToken);
        }
        else
        {
            await _rest.EditMessageAsync(Interaction.Message.ChannelId, Interaction.Message.Id, message, cancellationToken);
        }
    });

    /// <summary>Acknowledges now and answers later. Components get a silent deferred update (6); commands and modal
    /// submits get "thinking…" (5), private when <paramref name="ephemeral"/>. A no-op once acknowledged.</summary>
    public Task DeferAsync(bool ephemeral, CancellationToken cancellationToken = default) => WithTurnAsync(() => DeferCoreAsync(ephemeral, cancellationToken));

    /// <summary>Shows a modal; it must be the first response (a deferral cannot be followed by a modal).</summary>
    public Task ShowModalAsync(ModalPayload modal, CancellationToken cancellationToken = default) => WithTurnAsync(async () =>
    {
        if (_state != State.None)
            throw new InvalidOperationException("A modal must be the first response to an interaction.");
        if (Interaction.Type == InteractionType.ModalSubmit)
            throw new InvalidOperationException("A modal cannot be shown in answer to a modal submit.");
        await _rest.ShowModalAsync(Interaction.Id, Interaction.Token, modal, cancellationToken);
        _state = State.Modal;
    });

    /// <summary>Answers an autocomplete request.</summary>
    public Task AutocompleteAsync(IReadOnlyList<CommandChoice> choices, CancellationToken cancellationToken = default) => WithTurnAsync(async () =>
    {
        if (_state != State.None) return;
        await _rest.AutocompleteAsync(Interaction.Id, Interaction.Token, choices, cancellationToken);
        _state = State.Autocompleted;
    });

    /// <summary>The message the first response became (after <see cref="ReplyAsync"/>), to learn its id.</summary>
    public Task<Message> GetOriginalAsync(CancellationToken cancellationToken = default) =>
        _rest.GetOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, cancellationToken);

    /// <summary>Sends a follow-up message (after the first response).</summary>
    public Task FollowUpAsync(MessagePayload message, CancellationToken cancellationToken = default) =>
        _rest.CreateFollowUpAsync(Interaction.ApplicationId, Interaction.Token, message, cancellationToken);

    /// <summary>Defers automatically at <paramref name="after"/> past receipt unless a response was sent by then.</summary>
    public void StartAutoDefer(TimeSpan after, bool ephemeral, CancellationToken cancellationToken)
    {
        if (Interaction.Type == InteractionType.ApplicationCommandAutocomplete)
            return; // autocomplete cannot be deferred; a late answer is simply dropped by Discord
        _ = Task.Run(async () =>
        {
            try
            {
                // Measured when the wait starts, so however late this task runs, the deferral is due at receipt + after.
                var delay = ReceivedAt + after - _time.GetUtcNow();
                if (delay > TimeSpan.Zero)
                    await Task.Delay(delay, _time, cancellationToken);
                await WithTurnAsync(async () =>
                {
                    if (_state != State.None) return;
                    await DeferCoreAsync(ephemeral, cancellationToken);
                    AutoDeferred = true;
                });
            }
            catch (OperationCanceledException) { }
            catch (DiscordApiException) { } // the handler's own response will surface the problem
        }, CancellationToken.None);
    }

    private async Task DeferCoreAsync(bool ephemeral, CancellationToken cancellationToken)
    {
        if (_state != State.None) return;
        if (Interaction.Type == InteractionType.MessageComponent)
        {
            await _rest.RespondAsync(Interaction.Id, Interaction.Token, InteractionCallbackType.DeferredUpdateMessage, null, cancellationToken);
            _state = State.DeferredUpdate;
            return;
        }
        var data = ephemeral ? new MessagePayload { Flags = MessageFlags.Ephemeral } : null;
        await _rest.RespondAsync(Interaction.Id, Interaction.Token, InteractionCallbackType.DeferredChannelMessageWithSource, data, cancellationToken);
        _state = State.Deferred;
    }

    private async Task WithTurnAsync(Func<Task> action)
    {
        await _turn.WaitAsync();
        try
        {
            await action();
            if (_state != State.None)
                AcknowledgedAt ??= _time.GetUtcNow();
        }
        finally { _turn.Release(); }
    }
}
