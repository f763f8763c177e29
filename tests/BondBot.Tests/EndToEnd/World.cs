using System.Text.Json.Nodes;
using BondBot.FakeDiscord;
using BondBot.Tests.Support;

namespace BondBot.Tests.EndToEnd;

/// <summary>A small Discord world: one server with a #general channel and three members.</summary>
public sealed class World
{
    public World(FakeDiscordServer fake)
    {
        Fake = fake;
        Guild = fake.AddGuild("Home");
        General = Guild.AddTextChannel("general");
        Alice = fake.AddUser("alice");
        Bob = fake.AddUser("bob");
        Carol = fake.AddUser("carol");
        foreach (var user in new[] { Alice, Bob, Carol })
            Guild.AddMember(user);
    }

    public FakeDiscordServer Fake { get; }
    public FakeGuild Guild { get; }
    public FakeChannel General { get; }
    public FakeUser Alice { get; }
    public FakeUser Bob { get; }
    public FakeUser Carol { get; }

    public Task<FakeInteraction> CommandAsync(FakeUser user, string name, params FakeOption[] options) =>
        Fake.InvokeCommandAsync(user, name, Guild, General, options);

    public Task<FakeInteraction> DmCommandAsync(FakeUser user, string name, params FakeOption[] options) =>
        Fake.InvokeCommandAsync(user, name, null, null, options);

    /// <summary>The first response's message content (for type 4) or the edited original (after a deferral). BondBot's
    /// apology fails the test with the error the host logged for this interaction, unless the test expects it.</summary>
    public Task<FakeMessage> ReplyAsync(FakeInteraction interaction) => ReplyAsync(interaction, failureExpected: false);

    public async Task<FakeMessage> ReplyAsync(FakeInteraction interaction, bool failureExpected)
    {
        await interaction.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        await Fake.WaitUntilAsync(() => interaction.OriginalResponse is { } m && (m.Content is not null || m.Embeds.Count > 0), TimeSpan.FromSeconds(10));
        var reply = interaction.OriginalResponse!;
        if (!failureExpected && reply.Content?.Contains(BondBot.Interactions.InteractionRouter.FailureMessage, StringComparison.Ordinal) == true)
            throw new Xunit.Sdk.XunitException($"BondBot apologised for interaction {interaction.Id}. The host logged:\n"
                + string.Join("\n", HostErrorLog.Mentioning(interaction.Id.ToString())));
        return reply;
    }

    /// <summary>What the person sees after an interaction: the message it updated (callback 7, or 6 followed by an
    /// edit), a follow-up sent after a silent acknowledgement, or the reply.</summary>
    public async Task<FakeMessage> SeenAsync(FakeInteraction interaction, int editsBefore = 0)
    {
        var first = await interaction.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        switch (first["type"]!.GetValue<int>())
        {
            case 7:
                return interaction.SourceMessage!;
            case 6:
                await Fake.WaitUntilAsync(() => interaction.SourceMessage!.EditCount > editsBefore || interaction.FollowUps.Count > 0, TimeSpan.FromSeconds(10));
                return interaction.FollowUps.Count > 0 ? interaction.FollowUps[^1] : interaction.SourceMessage!;
            default:
                return await ReplyAsync(interaction);
        }
    }

    /// <summary>Every custom_id on a message's buttons and selects.</summary>
    public static IEnumerable<string> CustomIds(FakeMessage message) =>
        message.Components.SelectMany(row => row?["components"]?.AsArray() ?? [])
            .Select(c => c?["custom_id"]?.GetValue<string>()).OfType<string>();

    /// <summary>Clicks the first button whose custom_id starts with <paramref name="prefix"/> and returns what the person
    /// then sees: the message itself when the click updated it, otherwise the reply.</summary>
    public async Task<FakeMessage> ClickAsync(FakeUser user, FakeMessage message, string prefix)
    {
        var edits = message.EditCount;
        return await SeenAsync(await Fake.ClickButtonAsync(user, message, CustomIds(message).First(id => id.StartsWith(prefix, StringComparison.Ordinal))), edits);
    }

    /// <summary>Everything a person reads in a message: content, and each embed's title, description, fields and footer.</summary>
    public static string Text(FakeMessage message)
    {
        var parts = new List<string?> { message.Content };
        foreach (var embed in message.Embeds)
        {
            parts.Add(embed?["title"]?.GetValue<string>());
            parts.Add(embed?["description"]?.GetValue<string>());
            parts.Add(embed?["footer"]?["text"]?.GetValue<string>());
            foreach (var field in embed?["fields"]?.AsArray() ?? [])
                parts.Add($"{field?["name"]?.GetValue<string>()}: {field?["value"]?.GetValue<string>()}");
        }
        return string.Join("\n", parts.Where(p => p is not null));
    }

    /// <summary>Every text the bot ever sent, decoded: each string value of every JSON body it sent (messages, edits,
    /// replies, modals, DMs). Raw bodies are JSON-escaped ("Bob's" is "Bob\u0027s"), so a search of the raw text
    /// could pass without testing anything; the lock is asserted on these instead.</summary>
    public static List<string> SentTexts(FakeDiscordServer fake, Func<JsonNode, JsonNode>? shape = null) =>
        fake.SentBodies.SelectMany(b => Strings(shape is null ? b : shape(b.DeepClone()))).ToList();

    /// <summary><see cref="SentTexts"/> joined into one string, for "never anywhere" assertions.</summary>
    public static string Everything(FakeDiscordServer fake, Func<JsonNode, JsonNode>? shape = null) => string.Join("\n", SentTexts(fake, shape));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
