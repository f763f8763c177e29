using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BondBot.Playground.Tests;

/// <summary>The page redraws whenever the bot does something. A node replaced between a mousedown and its mouseup gets
/// no click, so a redraw must keep every button and message that did not change: the very same nodes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageRedrawTests(PlaygroundFixture fixture)
{
    [Fact]
    public async Task A_redraw_keeps_the_unchanged_people_channels_and_messages_so_a_press_under_way_is_not_lost()
    {
        await using var page = await fixture.OpenFreshAsync();
        await page.CommandAsync("pair", ("partner", "Alex"));
        await Expect(page.Message("Invite sent")).ToBeVisibleAsync();
        var messages = page.Page.Locator("#messages .message");
        var before = await messages.CountAsync();
        var kept = new Dictionary<string, IElementHandle>
        {
            ["a person"] = await page.Page.Locator("button.person", new() { HasText = "Alex" }).ElementHandleAsync(),
            ["a channel"] = await page.Page.Locator("button.channel.text", new() { HasText = "general" }).ElementHandleAsync(),
            ["a message"] = await page.Message("Invite sent").ElementHandleAsync(),
        };

        await page.CommandAsync("help");                                           // something new: the page redraws
        await Expect(messages).ToHaveCountAsync(before + 1);

        foreach (var (what, node) in kept)
            Assert.True(await node.EvaluateAsync<bool>("n => n.isConnected"), $"{what} was drawn anew");
    }
}
