using System.Text.Json.Nodes;
using BondBot.FakeDiscord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace BondBot.Playground;

/// <summary>
/// The page's API. Reads: who is here, which channels each person sees, the messages in one. Acts: everything a
/// Discord client lets a person do (slash commands, autocomplete, buttons, selects, modals, writing), each sent to the
/// bot by the local Discord exactly as Discord would, plus the playground's own controls (time travel, people, reset).
/// </summary>
internal static class PageApi
{
    public static void Map(WebApplication app, PlaygroundServer server)
    {
        app.MapGet("/api/state", (string? person) => Results.Json(PageViews.State(server.World, person)));
        app.MapGet("/api/messages", (string person, string channel) =>
            Find(server.World, person, channel) is var (who, where) && who is not null && where is not null
                ? Results.Json(PageViews.Messages(server.World, who, where))
                : Results.NotFound());
        app.MapGet("/api/events", (HttpContext context) => ChangeStream.RunAsync(context, server));

        var actions = new PageActions(server);
        app.MapPost("/api/command", (JsonObject body) => actions.CommandAsync(body));
        app.MapPost("/api/autocomplete", (JsonObject body) => actions.AutocompleteAsync(body));
        app.MapPost("/api/click", (JsonObject body) => actions.ClickAsync(body));
        app.MapPost("/api/select", (JsonObject body) => actions.SelectAsync(body));
        app.MapPost("/api/modal", (JsonObject body) => actions.SubmitModalAsync(body));
        app.MapPost("/api/say", (JsonObject body) => actions.SayAsync(body));
        app.MapPost("/api/time", (JsonObject body) => actions.TravelAsync(body));
        app.MapPost("/api/person", (JsonObject body) => actions.EditPerson(body));
        app.MapPost("/api/reset", async () =>
        {
            await server.ResetAsync();
            return Results.Json(new JsonObject { ["ok"] = true });
        });
    }

    /// <summary>The person and one channel they can see: "dm" for their DM with BondBot, or a channel id.</summary>
    public static (PlaygroundPerson? Person, FakeChannel? Channel) Find(PlaygroundWorld world, string? personKey, string? channel)
    {
        var person = world.Person(personKey ?? "");
        if (person is null) return (null, null);
        if (channel == "dm") return (person, world.Discord.DirectMessageChannel(person.User));
        var visible = ulong.TryParse(channel, out var id)
            ? world.Discord.VisibleChannels(world.Guild, person.User).FirstOrDefault(c => c.Id == id)
            : null;
        return (person, visible);
    }

    public static string LocalTime(Instant now, DateTimeZone zone) =>
        now.InZone(zone).ToString("ddd d MMM, HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
