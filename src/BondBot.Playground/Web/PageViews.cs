using System.Text.Json.Nodes;
using BondBot.FakeDiscord;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Playground;

/// <summary>What the page shows, as JSON: the people and their local times, the channels one person sees, the
/// registered commands for the slash menu, and the messages of a channel as that person sees them.</summary>
internal static class PageViews
{
    public static JsonObject State(PlaygroundWorld world, string? personKey)
    {
        var now = world.Clock.GetCurrentInstant();
        var person = world.Person(personKey ?? "") ?? world.People[0];
        var people = new JsonArray(world.People.Select(p => (JsonNode)new JsonObject
        {
            ["key"] = p.Key, ["id"] = p.User.Id.ToString(), ["name"] = p.Name, ["zone"] = p.Zone.Id,
            ["localTime"] = PageApi.LocalTime(now, p.Zone),
        }).ToArray());
        var channels = new JsonArray(world.Discord.VisibleChannels(world.Guild, person.User).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id.ToString(), ["name"] = c.Name, ["topic"] = c.Topic,
            ["private"] = c.PermissionOverwrites.Any(o => o.Type == 0 && (o.Deny & FakePermissions.ViewChannel) != 0),
            ["count"] = world.Discord.MessagesSeenBy(person.User, c.Id).Count,
        }).ToArray());
        var dm = world.Discord.DirectMessageChannel(person.User);
        return new JsonObject
        {
            ["now"] = InstantPattern.General.Format(now),
            ["travelled"] = world.Clock.Offset > Duration.FromMinutes(1),
            ["person"] = person.Key,
            ["people"] = people,
            ["server"] = world.Guild.Name,
            ["channels"] = channels,
            // Counts let the page mark channels with something new, the way Discord shows unread messages.
            ["dm"] = new JsonObject { ["id"] = dm.Id.ToString(), ["count"] = world.Discord.MessagesSeenBy(person.User, dm.Id).Count },
            ["commands"] = new JsonArray(world.Discord.GlobalCommands.Select(c => c.DeepClone()).ToArray()),
            ["zones"] = new JsonArray(Zones.Select(z => (JsonNode)z).ToArray()),
        };
    }

    public static JsonObject Messages(PlaygroundWorld world, PlaygroundPerson person, FakeChannel channel)
    {
        var list = new JsonArray();
        foreach (var message in world.Discord.MessagesSeenBy(person.User, channel.Id))
        {
            var json = world.Discord.MessageJson(message);
            var seen = world.SeenAt(message);
            json["shownTime"] = PageApi.LocalTime(seen, person.Zone);
            json["edited"] = message.EditCount > 0;
            if (message.InteractionId is { } id && world.Discord.FindInteraction(id) is { Type: 2 } interaction)
                json["command"] = new JsonObject
                {
                    ["user"] = interaction.User.Username,
                    ["name"] = interaction.Payload["data"]?["name"]?.DeepClone(),
                };
            list.Add(json);
        }
        return new JsonObject
        {
            ["channel"] = channel.Id.ToString(),
            ["name"] = channel.GuildId is null ? "BondBot" : channel.Name,
            ["dm"] = channel.GuildId is null,
            ["messages"] = list,
        };
    }

    /// <summary>Zones offered in the person editor: a spread across the world, each a real IANA zone.</summary>
    private static readonly string[] Zones =
    [
        "America/Los_Angeles", "America/Chicago", "America/New_York", "America/Sao_Paulo", "Europe/London", "Europe/Berlin",
        "Africa/Lagos", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
    ];
}
