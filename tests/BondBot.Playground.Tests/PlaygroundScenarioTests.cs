using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BondBot.Playground.Tests;

/// <summary>The first week with BondBot, played in a real browser on the playground: each scenario starts from a fresh
/// playground, goes through the page only, and saves a screenshot of what the person then sees.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlaygroundScenarioTests(PlaygroundFixture fixture)
{
    [Fact]
    public async Task Sam_invites_Alex_with_pair_and_Alex_accepts_from_the_invite_in_their_DMs()
    {
        await using var page = await fixture.OpenFreshAsync();
        await page.CommandAsync("pair", ("partner", "Alex"));
        await Expect(page.Message("Invite sent")).ToContainTextAsync("Only you can see this");

        await page.AsAsync("Alex");
        await Expect(page.Page.Locator("button.channel.dm .badge")).ToBeVisibleAsync();   // something new for Alex
        await page.OpenDmAsync();
        await page.ClickAsync("An invitation to pair up", "Accept");
        await Expect(page.Page.Locator("#messages")).ToContainTextAsync("paired", new() { IgnoreCase = true });
        await page.ScreenshotAsync("01-alex-accepted-the-invite");
    }

    [Fact]
    public async Task A_question_answered_by_both_through_the_modal_is_revealed_to_both_only_after_the_second_answer()
    {
        await using var page = await fixture.OpenFreshAsync();
        await page.PairSamAndAlexAsync();

        await page.AsAsync("Sam");
        await page.OpenChannelAsync("general");
        await page.CommandAsync("question");
        await page.OpenDmAsync();
        await page.ClickAsync("A question for the two of you", "Answer");
        await page.SubmitModalAsync("Sam-answer-walks-by-the-sea");
        // The private "saved, hidden until…" reply, not the card's own line about hidden answers.
        await Expect(page.Page.Locator("#messages .message.ephemeral", new() { HasText = "hidden" })).ToBeVisibleAsync();
        await Expect(page.Message("A question for the two of you")).ToContainTextAsync("Sam answered");
        await page.ScreenshotAsync("02-sam-answered-answers-hidden");

        await page.AsAsync("Alex");
        await page.OpenDmAsync();
        await Expect(page.Page.Locator("#messages")).Not.ToContainTextAsync("Sam-answer-walks-by-the-sea");
        await Expect(page.Page.Locator("#messages")).Not.ToContainTextAsync("You both answered");
        await page.ClickAsync("A question for the two of you", "Answer");
        await page.SubmitModalAsync("Alex-answer-cooking-together");
        await Expect(page.Message("You both answered")).ToContainTextAsync("Sam-answer-walks-by-the-sea");
        await Expect(page.Message("You both answered")).ToContainTextAsync("Alex-answer-cooking-together");
        await page.ScreenshotAsync("03-reveal-for-alex");

        await page.AsAsync("Sam");
        await page.OpenDmAsync();
        await Expect(page.Message("You both answered")).ToContainTextAsync("Alex-answer-cooking-together");
        await page.ScreenshotAsync("04-reveal-for-sam");
    }

    [Fact]
    public async Task Skipping_to_Sams_check_in_brings_the_prompt_to_Sams_DMs_and_a_mood_with_a_note_saves_it()
    {
        await using var page = await fixture.OpenFreshAsync();
        await page.OpenCommandAsync("settings");
        await page.AutocompleteAsync("timezone", "London", "Europe/London");
        await page.Page.Locator("#options [data-option='time']").FillAsync("20:00");
        await page.SendCommandAsync("settings");
        await Expect(page.Page.Locator("#messages")).ToContainTextAsync("20:00");

        await page.TravelAsync("Skip to Sam's check-in");
        await Expect(page.Page.Locator("#clock")).ToContainTextAsync("20:00");
        await page.OpenDmAsync();
        await page.ClickAsync("Your check-in", "4 ");
        await page.SubmitModalAsync("A sunny walk");
        await Expect(page.Page.Locator("#messages")).ToContainTextAsync("Checked in");
        await page.ScreenshotAsync("05-sam-checked-in");
    }

    [Fact]
    public async Task Opening_a_space_shows_the_private_channel_to_the_pair_and_not_to_Casey()
    {
        await using var page = await fixture.OpenFreshAsync();
        await page.PairSamAndAlexAsync();
        await page.OpenChannelAsync("general");
        await page.CommandAsync("space open");
        await Expect(page.Page.Locator("#messages")).ToContainTextAsync("agree first");

        await page.AsAsync("Sam");
        await page.OpenDmAsync();
        await page.ClickAsync("space", "Open our space");
        var space = page.Page.Locator("button.channel.text", new() { HasText = "🔒" });
        await Expect(space).ToBeVisibleAsync();
        await space.ClickAsync();
        await Expect(page.Page.Locator("#messages")).ToContainTextAsync("Only the two of you");
        await page.ScreenshotAsync("06-the-pairs-space");

        await page.AsAsync("Alex");
        await Expect(space).ToBeVisibleAsync();
        await page.AsAsync("Casey");
        await Expect(page.Page.Locator("button.channel.text")).ToHaveCountAsync(1);   // only #general
    }

    [Fact]
    public async Task Travelling_a_week_brings_the_weekly_ritual_with_the_daily_prompts()
    {
        await using var page = await fixture.OpenFreshAsync();
        await page.PairSamAndAlexAsync();
        await page.AsAsync("Sam");
        await page.OpenCommandAsync("settings");
        await page.AutocompleteAsync("timezone", "London", "Europe/London");
        await page.Page.Locator("#options [data-option='time']").FillAsync("09:00");
        await page.SendCommandAsync("settings");
        await Expect(page.Page.Locator("#messages")).ToContainTextAsync("09:00");

        await page.TravelAsync("+1 week");
        await page.OpenDmAsync();
        await Expect(page.Message("This week's ritual")).ToBeVisibleAsync();
        // The screenshot shows it, not only newer prompts. Found and scrolled in one step inside the page: the list is
        // redrawn whenever the bot sends something, so an element found first may be gone by the time it is scrolled.
        await page.Page.EvaluateAsync("""
            () => [...document.querySelectorAll('#messages .message')].filter(m => m.textContent.includes("This week's ritual")).at(-1)?.scrollIntoView()
            """);
        await page.ScreenshotAsync("07-a-week-later-the-ritual");
    }
}
