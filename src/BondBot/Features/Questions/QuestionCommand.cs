using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Delivery;
using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Questions;

/// <summary>
/// <c>/question [category] [depth] [here]</c>: opens a round for the pair (or shows the open one); unpaired people get a
/// question to reflect on alone. A couple's card stays out of public view: in a server channel it goes to both
/// partners' DMs unless they have a space (it goes there) or the asker chose <c>here</c> (never for Deepest or repair
/// questions). The partner is always told, once, with an <b>Answer</b> button. Every reply goes out at once: cards
/// travel through the outbox after the reply, or are the reply itself, so no channel's rate limit delays it.
/// </summary>
public sealed class QuestionCommand(PairingService pairing, QuestionService questions, RoundPublisher publisher, Space.SpaceRepository spaces,
    DmChannelRepository dmChannels, Settings.UserSettingsRepository settings, Switches.IServerFeatures features, NodaTime.IClock clock) : ISlashCommand
{
    public ApplicationCommand Definition { get; } = new()
    {
        Name = "question",
        Description = "Get a conversation question for you and your partner",
        Options =
        [
            new CommandOption
            {
                Type = CommandOptionType.String, Name = "category", Description = "What kind of question",
                Choices = QuestionCategory.All.Select(c => CommandChoice.Of($"{c.Name}", c.Key)).ToList(),
            },
            new CommandOption
            {
                Type = CommandOptionType.Integer, Name = "depth", Description = "How deep it goes",
                Choices = [CommandChoice.Of("Light", 1), CommandChoice.Of("Deeper", 2), CommandChoice.Of("Deepest", 3)],
            },
            new CommandOption
            {
                Type = CommandOptionType.Boolean, Name = "here",
                Description = "Post the card in this channel instead of your DMs (never for Deepest or repair questions)",
            },
        ],
    };

    private enum Place { Space, Dm, Channel, BothDms }

    /// <summary>The reply in a server whose admins switched questions in channels off.</summary>
    public const string SwitchedOffHere = "This server's admins have switched questions off in its channels. 💛 You can still use `/question` in a DM with me — your questions and answers are just as private there.";

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (context.GuildId is { } guildId && !await features.IsOnAsync(guildId, Switches.ServerFeature.QuestionsInChannels, cancellationToken))
        {
            await context.ReplyPrivatelyAsync(SwitchedOffHere, cancellationToken);
            return;
        }
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        if (pair is null)
        {
            await context.ReplyPrivatelyAsync(QuestionCards.Reflection(questions.ReflectionQuestion()), cancellationToken);
            return;
        }
        var request = new RoundRepository.Request(
            QuestionCategory.Find(context.Data.GetString("category"))?.Key,
            context.Data.GetInteger("depth") is { } d and >= 1 and <= 3 ? (int)d : null);
        var partnerId = pair.PartnerOf(context.UserId);
        if ((await settings.GetAsync(partnerId, cancellationToken)).IsPaused(clock.GetCurrentInstant()))
        {
            // A round would wait on someone who asked for a break: one to reflect on alone instead, nothing sent to them.
            await context.ReplyPrivatelyAsync(QuestionCards.Reflection(questions.ReflectionQuestion(), paired: true) with
            {
                Content = $"{PairingMessages.Mention(partnerId)} is taking a short break, so here's one to reflect on by yourself.",
            }, cancellationToken);
            return;
        }
        var space = await spaces.ForPairAsync(pair.PairId, cancellationToken);
        var askedHere = context.Data.GetBoolean("here") == true;
        var ownDmsClosed = await dmChannels.IsUnreachableAsync(context.UserId, cancellationToken);
        Place PlaceFor(Round round) =>
            space is not null ? Place.Space
            : !context.InGuild ? Place.Dm
            : (askedHere && QuestionCards.MayBePublic(round)) || ownDmsClosed ? Place.Channel
            : Place.BothDms;

        var result = await questions.OpenAsync(pair, context.GuildId, request, cancellationToken: cancellationToken, deliveries: round => PlaceFor(round) switch
        {
            Place.BothDms => [QuestionCardDeliveries.ToPartner(round, pair, partnerId), QuestionCardDeliveries.ToOwnDms(round, pair, context.UserId)],
            _ => [QuestionCardDeliveries.ToPartner(round, pair, partnerId)],
        });
        if (result.Round is not { } round)
        {
            await context.ReplyPrivatelyAsync("No question matches those options. Try another category or depth.", cancellationToken);
            return;
        }
        if (result.Outcome == QuestionService.OpenOutcome.AlreadyOpen)
        {
            // Nothing new was sent to anyone: the open card comes back to the asker alone.
            await context.ReplyPrivatelyAsync(await publisher.CardAsync(round, pair, cancellationToken) with
            {
                Content = "You two already have an open question, so here it is again — answer it, or press **New question** for a different one.",
            }, cancellationToken);
            return;
        }

        var partner = PairingMessages.Mention(partnerId);
        var partnerDmsClosed = space is null && await dmChannels.IsUnreachableAsync(partnerId, cancellationToken);
        var partnerNote = partnerDmsClosed ? $" {partner} has DMs closed, so their card waits until they next use BondBot." : "";
        switch (PlaceFor(round))
        {
            case Place.Space:
                await context.ReplyPrivatelyAsync($"Your question is waiting in your space: <#{space!.ChannelId}> 💬", cancellationToken);
                break;
            case Place.BothDms:
                var kept = askedHere ? " Deepest and repair questions are never posted in a channel." : "";
                await context.ReplyPrivatelyAsync($"Sent to your DMs with BondBot, and to {partner}'s — answer it there. 📬{kept}{partnerNote}", cancellationToken);
                break;
            default:
                // In a DM, or in the channel because the asker chose it (or their DMs are closed): the card is the reply.
                var card = await publisher.CardAsync(round, pair, cancellationToken);
                var privateHere = context.InGuild && !(askedHere && QuestionCards.MayBePublic(round));
                var note = privateHere ? "Your DMs are closed, so here's your card (only you can see it)." : partnerNote.Trim();
                var reply = card with { Content = note.Length > 0 ? note : null, Flags = privateHere ? MessageFlags.Ephemeral : null };
                await context.Responder.ReplyAsync(reply, cancellationToken);
                if (!privateHere)
                {
                    var sent = await context.Responder.GetOriginalAsync(cancellationToken);
                    await publisher.RecordAsync(round.RoundId, sent.ChannelId, sent.Id, cancellationToken);
                }
                break;
        }
    }
}
