using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BondBot.Playground.Tests;

/// <summary>What a visitor does on the page, in the page's own words: who they play, where they look, what they type
/// and click. Every step goes through the visible page, never around it.</summary>
public sealed class PlaygroundPage(IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public async Task WaitReadyAsync()
    {
        await Expect(Page.Locator("button.channel.text", new() { HasText = "general" })).ToBeVisibleAsync();
        await Expect(Page.Locator("button.person")).ToHaveCountAsync(3);
    }

    public async Task AsAsync(string name)
    {
        await Page.Locator("button.person", new() { HasText = name }).ClickAsync();
        await Expect(Page.Locator("#me-name")).ToHaveTextAsync(name);
    }

    public Task OpenDmAsync() => Page.Locator("button.channel.dm").ClickAsync();

    public Task OpenChannelAsync(string name) => Page.Locator("button.channel.text", new() { HasText = name }).ClickAsync();

    /// <summary>Types "/", picks the command in the menu, fills its options (lists by their visible label) and sends it.</summary>
    public async Task CommandAsync(string command, params (string Option, string Value)[] options)
    {
        await OpenCommandAsync(command);
        foreach (var (option, value) in options)
        {
            var field = Page.Locator($"#options [data-option='{option}']");
            if (await field.EvaluateAsync<string>("e => e.tagName") == "SELECT")
                await field.SelectOptionAsync(new SelectOptionValue { Label = value });
            else
                await field.FillAsync(value);
        }
        await SendCommandAsync(command);
    }

    public async Task OpenCommandAsync(string command)
    {
        await Page.Locator("#box").FillAsync("/" + command);
        await Page.Locator($".slash-item[data-command='{command}']").ClickAsync();
        await Expect(Page.Locator("#options")).ToBeVisibleAsync();
    }

    /// <summary>Types into an autocomplete option as a person does and picks the suggestion containing <paramref name="pick"/>.</summary>
    public async Task AutocompleteAsync(string option, string typed, string pick)
    {
        var field = Page.Locator($"#options [data-option='{option}']");
        await field.PressSequentiallyAsync(typed, new() { Delay = 40 });
        await Page.Locator("#options .choice", new() { HasText = pick }).First.ClickAsync();
    }

    /// <summary>Sends the command; the option form then closes, as Discord's does.</summary>
    public async Task SendCommandAsync(string command)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = $"Send /{command}", Exact = true }).ClickAsync();
        await Expect(Page.Locator("#options")).ToBeHiddenAsync();
    }

    /// <summary>The last message in view whose text contains <paramref name="text"/>.</summary>
    public ILocator Message(string text) => Page.Locator("#messages .message", new() { HasText = text }).Last;

    public async Task ClickAsync(string messageText, string button)
    {
        var target = Message(messageText).GetByRole(AriaRole.Button, new() { Name = button });
        await target.First.ClickAsync();
    }

    /// <summary>Fills the open modal's fields in order and submits it.</summary>
    public async Task SubmitModalAsync(params string[] values)
    {
        var modal = Page.Locator("#modal[open]");
        await Expect(modal).ToBeVisibleAsync();
        var fields = modal.Locator("input[name], textarea[name]");
        for (var i = 0; i < values.Length; i++)
            await fields.Nth(i).FillAsync(values[i]);
        await modal.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Expect(modal).ToBeHiddenAsync();
    }

    public async Task TravelAsync(string button)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = button })).ToBeEnabledAsync(new() { Timeout = 120_000 });
        await Expect(Page.Locator("#clock")).Not.ToHaveTextAsync("Travelling…");
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(PlaygroundFixture.ScreenshotFolder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        return path;
    }

    /// <summary>Sam invites Alex and Alex accepts, through the page.</summary>
    public async Task PairSamAndAlexAsync()
    {
        await AsAsync("Sam");
        await CommandAsync("pair", ("partner", "Alex"));
        await Expect(Message("Invite sent")).ToBeVisibleAsync();
        await AsAsync("Alex");
        await OpenDmAsync();
        await ClickAsync("An invitation to pair up", "Accept");
        await Expect(Page.Locator("#messages")).ToContainTextAsync("paired", new() { IgnoreCase = true });
    }

    public ValueTask DisposeAsync() => new(Page.CloseAsync());
}
