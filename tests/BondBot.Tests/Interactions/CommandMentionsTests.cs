using BondBot.Discord;
using BondBot.Interactions;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Tests.Interactions;

public sealed class CommandMentionsTests
{
    private sealed class Command(ApplicationCommand definition) : ISlashCommand
    {
        public ApplicationCommand Definition { get; } = definition;
        public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static CommandMentions Mentions()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISlashCommand>(new Command(new ApplicationCommand { Name = "settings", Description = "d" }));
        services.AddSingleton<ISlashCommand>(new Command(new ApplicationCommand
        {
            Name = "space", Description = "d",
            Options = [new CommandOption { Type = CommandOptionType.SubCommand, Name = "open", Description = "d" }],
        }));
        return new CommandMentions(new CommandCatalog(services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>()));
    }

    [Fact]
    public void Hints_stay_plain_until_the_ids_are_known_then_become_mentions_with_options_kept_as_code()
    {
        var mentions = Mentions();
        const string text = "Set it with `/settings timezone:` or try `/space open` again; `/space close` and `/nope` are not changed.";
        Assert.Equal(text, mentions.Linkify(text));

        mentions.Remember([new ApplicationCommand { Name = "settings", Description = "d", Id = 11 }, new ApplicationCommand { Name = "space", Description = "d", Id = 22 }]);

        Assert.Equal("Set it with </settings:11> `timezone:` or try </space open:22> again; </space:22> `close` and `/nope` are not changed.",
            mentions.Linkify(text));
        var payload = mentions.Apply(new MessagePayload { Content = "`/settings`", Embeds = [new Embed { Description = "`/space open`", Fields = [new EmbedField("n", "`/settings`")] }] });
        Assert.Equal("</settings:11>", payload.Content);
        Assert.Equal("</space open:22>", payload.Embeds![0].Description);
        Assert.Equal("</settings:11>", payload.Embeds[0].Fields![0].Value);
    }
}
