using BondBot.Discord.Interactions;
using BondBot.Discord.Tests.EndToEnd;
using BondBot.FakeDiscord;

namespace BondBot.Discord.Tests.Interactions;

/// <summary>
/// The responder's states against the fake Discord: the first answer is a callback, later ones become edits or
/// follow-ups, a modal only comes first, a component edits its own message, and a slow handler is deferred in time.
/// </summary>
public sealed class InteractionResponderTests : IAsyncLifetime
{
    private ClientHarness _h = null!;
    private FakeUser _user = null!;

    public async Task InitializeAsync()
    {
        _h = await ClientHarness.StartAsync();
        _user = _h.Fake.AddUser("sam");
        await _h.ConnectAsync();
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>Invokes a command at the fake and returns what the client received, with a responder for it.</summary>
    private async Task<(FakeInteraction Fake, InteractionResponder Responder)> ReceiveAsync(TimeProvider? time = null, FakeMessage? onMessage = null)
    {
        var seen = _h.Count("INTERACTION_CREATE");
        var fake = onMessage is null
            ? await _h.Fake.InvokeCommandAsync(_user, "help")
            : await _h.Fake.ClickButtonAsync(_user, onMessage, "b:1");
        await _h.WaitForEventAsync("INTERACTION_CREATE", seen + 1);
        Interaction interaction;
        lock (_h.Events) interaction = _h.Events.Last(e => e.Type == "INTERACTION_CREATE").AsInteraction();
        time ??= TimeProvider.System;
        return (fake, new InteractionResponder(_h.Rest, interaction, time.GetUtcNow(), time));
    }

    private static MessagePayload Text(string text, bool ephemeral = true) =>
        new() { Content = text, Flags = ephemeral ? MessageFlags.Ephemeral : null };

    [Fact]
    public async Task The_first_reply_is_the_callback_and_a_second_one_becomes_a_follow_up()
    {
        var (fake, responder) = await ReceiveAsync();
        await responder.ReplyAsync(Text("first"));
        await responder.ReplyAsync(Text("second"));

        Assert.Equal(4, (await fake.FirstResponse)["type"]!.GetValue<int>());
        Assert.Equal("first", fake.OriginalResponse!.Content);
        Assert.Equal("second", Assert.Single(fake.FollowUps).Content);
        Assert.True(responder.Acknowledged);
    }

    [Fact]
    public async Task A_deferral_then_a_reply_edits_the_thinking_message_into_the_answer()
    {
        var (fake, responder) = await ReceiveAsync();
        await responder.DeferAsync(ephemeral: true);
        await responder.DeferAsync(ephemeral: true);            // a second deferral is a no-op, not a 40060
        await responder.ReplyAsync(Text("after thinking"));

        var first = await fake.FirstResponse;
        Assert.Equal(5, first["type"]!.GetValue<int>());
        Assert.Equal(64, first["data"]!["flags"]!.GetValue<int>());
        Assert.Equal("after thinking", fake.OriginalResponse!.Content);
        Assert.Empty(fake.FollowUps);
    }

    [Fact]
    public async Task A_modal_can_only_be_the_first_response()
    {
        var (fake, responder) = await ReceiveAsync();
        await responder.ShowModalAsync(new ModalPayload("m:1", "Title", [Component.LabeledTextInput("f", "Field", TextInputStyle.Short, 50)]));
        Assert.Equal(9, (await fake.FirstResponse)["type"]!.GetValue<int>());

        var (_, later) = await ReceiveAsync();
        await later.ReplyAsync(Text("already answered"));
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            later.ShowModalAsync(new ModalPayload("m:2", "Too late", [Component.LabeledTextInput("f", "Field", TextInputStyle.Short, 50)])));
    }

    [Fact]
    public async Task A_component_updates_its_own_message()
    {
        var (commandFake, command) = await ReceiveAsync();
        await command.ReplyAsync(new MessagePayload { Content = "card", Components = [Component.Row(Component.Button("b:1", "Press"))] });
        var card = commandFake.OriginalResponse!;

        var (click, responder) = await ReceiveAsync(onMessage: card);
        await responder.UpdateMessageAsync(new MessagePayload { Content = "pressed", Components = [] });

        Assert.Equal(7, (await click.FirstResponse)["type"]!.GetValue<int>());
        Assert.Equal("pressed", card.Content);
    }

    [Fact]
    public async Task A_slow_handler_is_deferred_at_the_set_time_and_its_answer_still_arrives()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (fake, responder) = await ReceiveAsync(time);
        responder.StartAutoDefer(TimeSpan.FromSeconds(2), ephemeral: true, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(responder.Acknowledged);

        time.Advance(TimeSpan.FromMilliseconds(100));
        await fake.FirstResponse.WaitAsync(TimeSpan.FromSeconds(5));
        await responder.ReplyAsync(Text("late but here"));

        Assert.Equal(5, (await fake.FirstResponse)["type"]!.GetValue<int>());
        Assert.True(responder.AutoDeferred);
        Assert.Equal("late but here", fake.OriginalResponse!.Content);
    }
}
