using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Pairing;
using BondBot.Interactions;
using NodaTime;

namespace BondBot.Features.Repair;

/// <summary>Repair attempt: today's appreciation and taking-responsibility cards in a select, or one's own words.
/// A card's gaps ("…") are filled in a form before the private preview; nothing is sent from here.</summary>
public sealed class AttemptHandler(RepairDeck deck, IClock clock) : IComponentHandler
{
    public const string CardPrefix = "rp.card";
    public const string OwnPrefix = "rp.own";
    public const string FormPrefix = "rp.attempt.form";
    internal const string OwnField = "words";
    private const int ChoicesEach = 4;

    public string Prefix => RepairCards.AttemptPrefix;

    public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var options = deck.AttemptChoices(RepairDay.Of(clock), ChoicesEach)
            .Select(c => new SelectOption(DiscordLimits.Truncate(c.Text, DiscordLimits.SelectOptionText), c.Id,
                c.Antidote == RepairDeck.Appreciation ? "Appreciation" : "Taking responsibility"))
            .ToList();
        return context.Responder.UpdateMessageAsync(new MessagePayload
        {
            Embeds =
            [
                new Embed
                {
                    Title = "💞 A repair attempt",
                    Description = "A small reach back across: thanks for something, or owning your part. Pick a card and fill in its gaps, " +
                                  "or write it in your own words. You'll see it before anything is sent.",
                    Color = RepairCards.Colour,
                },
            ],
            Components =
            [
                Component.Row(Component.Select(CardPrefix, options, "Choose a card")),
                Component.Row(Component.Button(OwnPrefix, "In my own words")),
            ],
        }, cancellationToken);
    }

    /// <summary>The form for a card's gaps (the card shown whole above them), or for one's own words.</summary>
    internal static ModalPayload Form(RepairCard? card)
    {
        if (card is null)
            return new ModalPayload(FormPrefix, "In your own words",
            [
                Component.LabeledTextInput(OwnField, "What would you like to say?", TextInputStyle.Paragraph, RepairWords.MaxOwnWords,
                    placeholder: "Something kind, something you own, something you appreciate…", minLength: 1),
            ]);
        var gaps = card.Gaps;
        return new ModalPayload(CustomId.Create(FormPrefix, card.Id), "Fill in the gaps",
        [
            Component.TextDisplay(DiscordLimits.Truncate($"### {card.Text}", DiscordLimits.TextDisplay)),
            .. Enumerable.Range(0, gaps).Select(i => Component.LabeledTextInput($"gap{i}", gaps == 1 ? "The gap, in your words" : $"Gap {i + 1} of {gaps}",
                TextInputStyle.Short, RepairWords.MaxPart, minLength: 1)),
        ]);
    }
}

/// <summary>In my own words: the form with one open box.</summary>
public sealed class OwnWordsHandler : IComponentHandler
{
    public string Prefix => AttemptHandler.OwnPrefix;

    public Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken) =>
        context.Responder.ShowModalAsync(AttemptHandler.Form(null), cancellationToken);
}

/// <summary>A card chosen: its form when it has gaps, else the preview straight away.</summary>
public sealed class AttemptCardHandler(PairingService pairing, RepairRepository drafts, RepairDeck deck, IClock clock) : IComponentHandler
{
    public string Prefix => AttemptHandler.CardPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var card = context.Data.Values is [var id] ? deck.Find(id) : null;
        if (card is null || card.Antidote is not (RepairDeck.Appreciation or RepairDeck.Responsibility) || card.Gaps > RepairWords.MaxGaps)
        {
            await context.ReplyPrivatelyAsync("I couldn't find that card — use `/repair` to see today's cards.", cancellationToken);
            return;
        }
        if (card.Gaps > 0)
        {
            await context.Responder.ShowModalAsync(AttemptHandler.Form(card), cancellationToken);
            return;
        }
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var partnerId = pair?.PartnerOf(context.UserId);
        var draftId = await drafts.CreateAsync(pair?.PairId, context.UserId, partnerId, "attempt", card.Text, null, null, clock.GetCurrentInstant(), cancellationToken);
        await context.Responder.UpdateMessageAsync(RepairCards.Preview("💞 Your repair attempt", card.Text, draftId, partnerId, editable: false), cancellationToken);
    }
}

/// <summary>Own words or a card's filled gaps, submitted: kept as a private draft and previewed.</summary>
public sealed class AttemptFormHandler(PairingService pairing, RepairRepository drafts, RepairDeck deck, IClock clock) : IComponentHandler
{
    public string Prefix => AttemptHandler.FormPrefix;

    public async Task HandleAsync(InteractionContext context, CustomId customId, CancellationToken cancellationToken)
    {
        var fields = context.Data.ModalFields();
        string? text;
        if (customId.At(0) is { } cardId)
        {
            var card = deck.Find(cardId);
            var fills = card is null ? [] : Enumerable.Range(0, card.Gaps).Select(i => fields.GetValueOrDefault($"gap{i}") ?? "").ToList();
            text = card is null ? null : RepairWords.FillGaps(card, fills);
            if (text is null)
            {
                await context.ReplyPrivatelyAsync(TextBack.Format($"Each gap needs 1 to {RepairWords.MaxPart} characters.", fields.Values), cancellationToken);
                return;
            }
        }
        else
        {
            text = fields.GetValueOrDefault(AttemptHandler.OwnField)?.Trim() ?? "";
            if (text.Length is 0 or > RepairWords.MaxOwnWords)
            {
                await context.ReplyPrivatelyAsync(TextBack.Format($"Your words need 1 to {RepairWords.MaxOwnWords} characters.", text), cancellationToken);
                return;
            }
        }
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        var partnerId = pair?.PartnerOf(context.UserId);
        var draftId = await drafts.CreateAsync(pair?.PairId, context.UserId, partnerId, "attempt", text, null, null, clock.GetCurrentInstant(), cancellationToken);
        await context.ReplyPrivatelyAsync(RepairCards.Preview("💞 Your repair attempt", text, draftId, partnerId, editable: false), cancellationToken);
    }
}
