using BondBot.Discord;
using BondBot.Discord.Interactions;
using BondBot.Features.Pairing;
using BondBot.Interactions;

namespace BondBot.Features.Questions;

/// <summary><c>/question [category] [depth]</c>: opens a round for the pair (or shows the open one); unpaired
/// people get a question to reflect on alone.</summary>
public sealed class QuestionCommand(PairingService pairing, QuestionService questions, RoundPublisher publisher, Space.SpaceRepository spaces) : ISlashCommand
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
        ],
    };

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var pair = await pairing.GetActivePairAsync(context.UserId, cancellationToken);
        if (pair is null)
        {
            await context.ReplyPrivatelyAsync(QuestionCards.Reflection(questions.ReflectionQuestion()), cancellationToken);
            return;
        }
        var category = QuestionCategory.Find(context.Data.GetString("category"))?.Key;
        var depth = context.Data.GetInteger("depth") is { } d and >= 1 and <= 3 ? (int)d : (int?)null;
        var result = await questions.OpenAsync(pair, context.GuildId, category, depth, cancellationToken: cancellationToken);
        if (result.Round is not { } round)
        {
            await context.ReplyPrivatelyAsync("No question matches those options. Try another category or depth.", cancellationToken);
            return;
        }

        var partnerId = pair.PartnerOf(context.UserId);
        var where = await PublishAsync(context, round, pair, partnerId, cancellationToken);
        var prefix = result.Outcome == QuestionService.OpenOutcome.AlreadyOpen
            ? "You two already have an open question, so here it is again — answer it, or press **New question** for a different one. "
            : "";
        await context.ReplyPrivatelyAsync(prefix + where, cancellationToken);
    }

    private async Task<string> PublishAsync(InteractionContext context, Round round, Pair pair, ulong partnerId, CancellationToken cancellationToken)
    {
        // While the pair has a private space, their rounds live there.
        if (await spaces.ForPairAsync(pair.PairId, cancellationToken) is { } space && await publisher.PostAsync(round, pair, space.ChannelId, cancellationToken))
            return $"Your question is waiting in your space: <#{space.ChannelId}> 💬";
        if (context.InGuild && context.ChannelId is { } channel && await publisher.PostAsync(round, pair, channel, cancellationToken))
            return "Your question is posted in this channel. 💬";
        if (!context.InGuild && context.ChannelId is { } dm && await publisher.PostAsync(round, pair, dm, cancellationToken))
        {
            var reached = await publisher.SendToAsync(partnerId, round, pair, cancellationToken);
            return reached
                ? $"Your question is here, and {PairingMessages.Mention(partnerId)} got it in their DMs too. 💬"
                : $"Your question is here. {PairingMessages.Mention(partnerId)} has DMs closed, so ask them to use `/question` in a server you share.";
        }
        // The bot may not post in this channel: both partners get the card by DM instead.
        var me = await publisher.SendToAsync(context.UserId, round, pair, cancellationToken);
        var them = await publisher.SendToAsync(partnerId, round, pair, cancellationToken);
        return me || them
            ? "I can't post in this channel, so I sent the question to your DMs instead. 💬"
            : "I can't post in this channel and your DMs are closed. Please allow DMs from this server's members (Privacy Settings) and try again.";
    }
}
