using System.Text.Json;
using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Repair;

/// <summary>Gentle start-up: a form of three short inputs ("I feel…", "about…", "and I need…") whose words become one
/// sentence, shown privately with Send, Edit and Keep it to myself.</summary>
public sealed class StartUpHandler : IComponentHandler
{
    public const string FormPrefix = "rp.startup.form";
    public const string EditPrefix = "rp.startup.edit";
    internal const string Feel = "feel", About = "about", Need = "need";

    public string Prefix => RepairCards.StartUpPrefix;

    public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
        context.Responder.ShowModalAsync(Form(null, null), cancellationToken);

    internal static ModalPayload Form(long? draftId, IReadOnlyList<string>? parts) => new(
        draftId is { } id ? CustomId.Create(FormPrefix, id) : FormPrefix,
        "A gentle start-up",
        [
            Component.TextDisplay("Say what you feel and what you need, about one situation — not about who they are. Only you see it until you choose to send it."),
            Input(Feel, "I feel…", "hurt, worried, left out…", parts, 0),
            Input(About, "about…", "what happened this morning", parts, 1),
            Input(Need, "and I need…", "a hug, some time, to be heard…", parts, 2),
        ]);

    private static Component Input(string id, string label, string placeholder, IReadOnlyList<string>? parts, int index) =>
        Component.LabeledTextInput(id, label, TextInputStyle.Short, RepairWords.MaxPart, placeholder: placeholder,
            value: parts is not null && index < parts.Count ? parts[index] : null, minLength: 1);
}

/// <summary>Edit: the form again, filled with the words of the draft, which its submit then replaces.</summary>
public sealed class StartUpEditHandler(RepairRepository drafts, IClock clock) : IComponentHandler
{
    public string Prefix => StartUpHandler.EditPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var draft = customId.LongAt(0) is { } id ? await drafts.GetOpenAsync(id, context.UserId, clock.GetCurrentInstant(), cancellationToken) : null;
        if (draft is not { Kind: "startup" })
        {
            await context.ReplyPrivatelyAsync(RepairCards.Stale, cancellationToken);
            return;
        }
        var parts = draft.Parts is null ? null : JsonSerializer.Deserialize<string[]>(draft.Parts);
        await context.Responder.ShowModalAsync(StartUpHandler.Form(draft.DraftId, parts), cancellationToken);
    }
}

/// <summary>The form's submit: builds the sentence, keeps it as a private draft and shows the preview.</summary>
public sealed class StartUpFormHandler(PairingService pairing, RepairRepository drafts, RepairDeck deck, IClock clock) : IComponentHandler
{
    public string Prefix => StartUpHandler.FormPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var fields = context.Data.ModalFields();
        string[] parts = [.. new[] { StartUpHandler.Feel, StartUpHandler.About, StartUpHandler.Need }.Select(f => fields.GetValueOrDefault(f)?.Trim() ?? "")];
        if (!RepairWords.ValidParts(parts))
        {
            await context.ReplyPrivatelyAsync(TextBack.Format($"Each of the three parts needs 1 to {RepairWords.MaxPart} characters.", parts), cancellationToken);
            return;
        }
        var sentence = RepairWords.StartUp(parts[0], parts[1], parts[2]);
        var now = clock.GetCurrentInstant();
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var partnerId = pair?.PartnerOf(context.UserId);
        var json = JsonSerializer.Serialize(parts);
        // An edit replaces the draft rather than rewriting it, so the older preview's Send can never send words it
        // doesn't show: what a person sees on a preview is what that preview sends.
        if (customId.LongAt(0) is { } editing && !await drafts.DiscardAsync(editing, context.UserId, cancellationToken))
        {
            await context.ReplyPrivatelyAsync(TextBack.Format(RepairCards.Stale, sentence), cancellationToken);
            return;
        }
        var draftId = await drafts.CreateAsync(pair?.PairId, context.UserId, partnerId, "startup", sentence, json, null, now, cancellationToken);
        var inspiration = deck.Pick(RepairDeck.GentleStartup, RepairDay.Of(clock));
        await context.ReplyPrivatelyAsync(RepairCards.Preview("🌱 Your gentle start-up", sentence, draftId, partnerId, editable: true, inspiration), cancellationToken);
    }
}
