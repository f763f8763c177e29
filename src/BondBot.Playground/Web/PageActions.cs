using System.Text.Json.Nodes;
using BondBot.FakeDiscord;
using Microsoft.AspNetCore.Http;
using NodaTime;

namespace BondBot.Playground;

/// <summary>
/// What a person does on the page, done through the local Discord as a Discord client would: the local Discord checks
/// it the way Discord does (a disabled button cannot be clicked, a modal's limits hold) and sends the bot the event.
/// The answer tells the page what to show now: a modal the bot opened, or an error where the person is looking.
/// </summary>
internal sealed class PageActions(PlaygroundServer server)
{
    private static readonly TimeSpan ResponseWait = TimeSpan.FromSeconds(5);

    private PlaygroundWorld World => server.World;

    public Task<IResult> CommandAsync(JsonObject body) => ActAsync(body, (person, channel) =>
        World.Discord.InvokeCommandAsync(person.User, Text(body, "name"), GuildOf(channel), channel, CommandOptions.Read(body["options"])));

    public async Task<IResult> AutocompleteAsync(JsonObject body)
    {
        var (person, channel) = PageApi.Find(World, Text(body, "person"), Text(body, "channel"));
        if (person is null || channel is null) return Error("That person or channel is not here.");
        var interaction = await World.Discord.AutocompleteAsync(person.User, Text(body, "name"), GuildOf(channel), channel, CommandOptions.Read(body["options"]));
        try
        {
            await interaction.FirstResponse.WaitAsync(ResponseWait);
        }
        catch (TimeoutException)
        {
            return Results.Json(new JsonObject { ["choices"] = new JsonArray() });
        }
        return Results.Json(new JsonObject { ["choices"] = new JsonArray(interaction.AutocompleteChoices.Select(c => c.DeepClone()).ToArray()) });
    }

    public Task<IResult> ClickAsync(JsonObject body) => ActAsync(body, (person, _) =>
        World.Discord.ClickButtonAsync(person.User, MessageOf(body), Text(body, "customId")));

    public Task<IResult> SelectAsync(JsonObject body) => ActAsync(body, (person, _) =>
        World.Discord.SelectAsync(person.User, MessageOf(body), Text(body, "customId"),
            (body["values"] as JsonArray ?? []).Select(v => v!.GetValue<string>()).ToArray()));

    public Task<IResult> SubmitModalAsync(JsonObject body) => ActAsync(body, (person, _) =>
    {
        var opened = ulong.TryParse(Text(body, "interactionId"), out var id) && World.Interactions.TryGetValue(id, out var found)
            ? found
            : throw new InvalidOperationException("That form is no longer open.");
        var values = (body["values"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value?.GetValue<string>() ?? "");
        return World.Discord.SubmitModalAsync(person.User, opened, values);
    });

    public async Task<IResult> SayAsync(JsonObject body)
    {
        var (person, channel) = PageApi.Find(World, Text(body, "person"), Text(body, "channel"));
        if (person is null || channel is null) return Error("That person or channel is not here.");
        var content = Text(body, "content").Trim();
        if (content.Length is 0 or > 2000) return Error("A message is 1 to 2000 characters.");
        await World.Discord.SendMessageAsync(person.User, channel, content);
        return Ok();
    }

    public async Task<IResult> TravelAsync(JsonObject body)
    {
        var travel = server.Travel;
        switch (Text(body, "action"))
        {
            case "hour": await travel.ForwardAsync(Duration.FromHours(1)); break;
            case "day": await travel.ForwardAsync(Duration.FromDays(1)); break;
            case "week": await travel.ForwardAsync(Duration.FromDays(7)); break;
            case "checkin":
                var person = World.Person(Text(body, "person"));
                if (person is null) return Error("Nobody by that name is here.");
                if (await travel.ToCheckInAsync(person, CancellationToken.None) is null)
                    return Error($"{person.Name} has no check-in time yet. As {person.Name}, use /settings to choose a time zone and a time.");
                break;
            default: return Error("Unknown time travel.");
        }
        return Ok();
    }

    public IResult EditPerson(JsonObject body)
    {
        var person = World.Person(Text(body, "key"));
        if (person is null) return Error("Nobody by that name is here.");
        if (body["name"]?.GetValue<string>()?.Trim() is { Length: > 0 } name)
        {
            if (name.Length > 32) return Error("A name is at most 32 characters.");
            person.Name = name;
        }
        if (body["zone"]?.GetValue<string>() is { } zoneId)
        {
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is not { } zone) return Error($"Unknown time zone '{zoneId}'.");
            person.Zone = zone;
        }
        return Ok();
    }

    // Starts an interaction as the person and waits for the bot's first answer, as a Discord client does.
    private async Task<IResult> ActAsync(JsonObject body, Func<PlaygroundPerson, FakeChannel?, Task<FakeInteraction>> start)
    {
        var person = World.Person(Text(body, "person"));
        if (person is null) return Error("Nobody by that name is here.");
        var (_, channel) = PageApi.Find(World, person.Key, Text(body, "channel"));
        FakeInteraction interaction;
        try
        {
            interaction = await start(person, channel);
        }
        catch (InvalidOperationException e)
        {
            return Error(e.Message);   // what the local Discord refused, as Discord's client would not let it happen
        }
        World.Interactions[interaction.Id] = interaction;
        JsonObject first;
        try
        {
            first = await interaction.FirstResponse.WaitAsync(ResponseWait);
        }
        catch (TimeoutException)
        {
            return Error("The application did not respond. (BondBot did not answer within Discord's 3 seconds.)");
        }
        var result = new JsonObject { ["ok"] = true, ["interactionId"] = interaction.Id.ToString() };
        if (first["type"]?.GetValue<int>() == 9 && interaction.Modal is { } modal)
            result["modal"] = modal.DeepClone();
        return Results.Json(result);
    }

    private FakeMessage MessageOf(JsonObject body) =>
        ulong.TryParse(Text(body, "messageId"), out var id) && World.Discord.FindMessage(id) is { } message
            ? message
            : throw new InvalidOperationException("That message is gone.");

    private FakeGuild? GuildOf(FakeChannel? channel) => channel?.GuildId is null ? null : World.Guild;

    private static string Text(JsonObject body, string name) => body[name]?.GetValue<string>() ?? "";

    private static IResult Ok() => Results.Json(new JsonObject { ["ok"] = true });

    private static IResult Error(string message) => Results.Json(new JsonObject { ["ok"] = false, ["error"] = message });
}
