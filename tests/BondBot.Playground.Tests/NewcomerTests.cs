using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BondBot.Playground.Tests;

/// <summary>Could someone who never saw Discord find their way? Every button says what it does, "/" shows every command
/// the bot registered, and when the bot says no, the answer appears where the person is looking.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NewcomerTests(PlaygroundFixture fixture)
{
    [Fact]
    public async Task Every_button_on_the_page_has_a_visible_label_including_the_bots_buttons()
    {
        await using var page = await fixture.OpenFreshAsync();
        await page.PairSamAndAlexAsync();   // brings bot buttons (the invite) onto the page
        await page.AsAsync("Sam");
        await page.OpenCommandAsync("settings");

        var buttons = page.Page.Locator("button:visible");
        Assert.True(await buttons.CountAsync() > 10);
        foreach (var button in await buttons.AllAsync())
        {
            var text = (await button.InnerTextAsync()).Trim();
            Assert.False(string.IsNullOrWhiteSpace(text), $"A button shows no label: {await button.EvaluateAsync<string>("e => e.outerHTML")}");
        }
        await page.ScreenshotAsync("08-command-options");
    }

    [Fact]
    public async Task The_slash_menu_lists_every_command_and_subcommand_the_bot_registered()
    {
        await using var page = await fixture.OpenFreshAsync();
        await page.Page.Locator("#box").FillAsync("/");
        await Expect(page.Page.Locator("#slash-menu")).ToBeVisibleAsync();
        var shown = (await page.Page.Locator(".slash-item").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.command)")).ToHashSet();

        var registered = fixture.Server.World.Discord.GlobalCommands.SelectMany(Runnable).ToList();
        Assert.True(registered.Count >= 20, $"only {registered.Count} commands registered");
        Assert.All(registered, name => Assert.Contains(name, shown));
        await page.ScreenshotAsync("09-slash-menu");
    }

    [Fact]
    public async Task A_refusal_from_the_bot_shows_in_the_channel_the_person_is_looking_at()
    {
        await using var page = await fixture.OpenFreshAsync();
        await page.CommandAsync("pair", ("partner", "Sam"));   // Sam invites themself
        var refusal = page.Page.Locator("#messages .message.ephemeral").Last;
        await Expect(refusal).ToBeInViewportAsync();
        await Expect(refusal).ToContainTextAsync("Only you can see this");
        await Expect(refusal.Locator(".content")).Not.ToBeEmptyAsync();

        // The playground's own refusals show right above the message box.
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "Skip to Sam's check-in" }).ClickAsync();
        await Expect(page.Page.Locator("#notice")).ToBeInViewportAsync();
        await Expect(page.Page.Locator("#notice")).ToContainTextAsync("/settings");
        await page.ScreenshotAsync("10-refusals-where-you-look");
    }

    // A command a person can run: the command itself, or each of its subcommands ("space open").
    private static IEnumerable<string> Runnable(JsonObject command)
    {
        var name = command["name"]!.GetValue<string>();
        var subs = (command["options"] as JsonArray ?? []).OfType<JsonObject>().Where(o => o["type"]!.GetValue<int>() is 1 or 2).ToList();
        if (subs.Count == 0) return [name];
        return subs.SelectMany(s => s["type"]!.GetValue<int>() == 1
            ? [$"{name} {s["name"]}"]
            : (s["options"] as JsonArray ?? []).Select(g => $"{name} {s["name"]} {g!["name"]}"));
    }
}
