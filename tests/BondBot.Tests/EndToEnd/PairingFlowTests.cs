using BondBot.Features.Pairing;
using BondBot.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace BondBot.Tests.EndToEnd;

public sealed class PairingFlowTests
{
    internal static FakeOption Partner(FakeUser user) => new("partner", 6, user.Id.ToString());

    internal static FakeMessage InviteFor(FakeDiscordServer fake, FakeUser invitee) =>
        fake.DirectMessagesTo(invitee).Last(m => m.Components.ToJsonString().Contains("pair.accept", StringComparison.Ordinal));

    internal static string AcceptId(FakeMessage invite) =>
        invite.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>();

    /// <summary>Pairs two users through the real flow and returns once both are paired.</summary>
    /// <summary>Pairs Alice and Bob through Discord and returns their pair.</summary>
    internal static async Task<Pair> PairOfAsync(BotHarness bot, World world)
    {
        await PairAsync(world, world.Alice, world.Bob);
        return (await bot.Services.GetRequiredService<PairingService>().GetActivePairAsync(world.Alice.Id))!;
    }

    internal static async Task PairAsync(World world, FakeUser a, FakeUser b)
    {
        await world.ReplyAsync(await world.CommandAsync(a, "pair", Partner(b)));
        var invite = InviteFor(world.Fake, b);
        var accept = await world.Fake.ClickButtonAsync(b, invite, AcceptId(invite));
        await accept.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        await world.Fake.WaitUntilAsync(() => world.Fake.DirectMessagesTo(a).Any(m => World.Text(m).Contains("paired", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Invite_by_dm_then_accept_pairs_both_and_welcomes_them()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(world.Bob)));
        Assert.True(reply.Ephemeral);
        Assert.Contains("Invite sent", reply.Content);

        var invite = InviteFor(bot.Fake, world.Bob);
        var accept = await bot.Fake.ClickButtonAsync(world.Bob, invite, AcceptId(invite));
        var first = await accept.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(7, first["type"]!.GetValue<int>());

        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("/question")));
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("You're paired")));
    }

    [Fact]
    public async Task With_closed_dms_the_invite_is_posted_in_the_channel_and_only_the_invitee_can_answer()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        world.Bob.DmsOpen = false;

        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(world.Bob)));
        Assert.Contains("DMs closed", reply.Content);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.MessagesIn(world.General.Id).Any(m => m.Components.ToJsonString().Contains("pair.accept")));
        var posted = bot.Fake.MessagesIn(world.General.Id).Last(m => m.Components.ToJsonString().Contains("pair.accept"));
        Assert.Contains($"<@{world.Bob.Id}>", posted.Content);
        Assert.Equal(world.Bob.Id.ToString(), posted.AllowedMentions!["users"]![0]!.GetValue<string>());

        var carol = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Carol, posted, AcceptId(posted)));
        Assert.True(carol.Ephemeral);
        Assert.Contains("for someone else", carol.Content);

        var bob = await bot.Fake.ClickButtonAsync(world.Bob, posted, AcceptId(posted));
        Assert.Equal(7, (await bob.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10)))["type"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("self")]
    [InlineData("bot")]
    [InlineData("youPaired")]
    [InlineData("theyPaired")]
    public async Task Invites_that_cannot_work_are_refused_with_a_reason(string situation)
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        var robot = bot.Fake.AddUser("robot", isBot: true);
        world.Guild.AddMember(robot);
        if (situation is "youPaired") await PairAsync(world, world.Alice, world.Carol);
        if (situation is "theyPaired") await PairAsync(world, world.Bob, world.Carol);

        var target = situation switch { "self" => world.Alice, "bot" => robot, _ => world.Bob };
        var reply = await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(target)));

        Assert.True(reply.Ephemeral);
        Assert.Contains(situation switch
        {
            "self" => "can't pair with yourself",
            "bot" => "Bots can't be partners",
            "youPaired" => "already paired with",
            _ => bot.AsSent(PairingMessages.CouldNotSend),   // nothing about Bob's relationship reaches Alice
        }, reply.Content);
        Assert.DoesNotContain("paired with someone", reply.Content);
    }

    [Fact]
    public async Task An_expired_invite_cannot_be_accepted()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(world.Bob)));

        bot.Clock.Advance(Duration.FromDays(7) + Duration.FromMinutes(1));
        var invite = InviteFor(bot.Fake, world.Bob);
        var reply = await world.ReplyAsync(await bot.Fake.ClickButtonAsync(world.Bob, invite, AcceptId(invite)));

        Assert.Contains("expired", reply.Content);
    }

    [Fact]
    public async Task Declining_links_nothing_and_tells_the_inviter()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(world.Bob)));

        var invite = InviteFor(bot.Fake, world.Bob);
        var decline = invite.Components[0]!["components"]![1]!["custom_id"]!.GetValue<string>();
        await (await bot.Fake.ClickButtonAsync(world.Bob, invite, decline)).FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));

        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Any(m => World.Text(m).Contains("declined")));
        Assert.Empty(invite.Components);                       // the answered invite keeps no buttons
        Assert.Contains("Nothing was linked", invite.Content);
        var unpair = await world.ReplyAsync(await world.CommandAsync(world.Alice, "unpair"));
        Assert.Contains("not paired", unpair.Content);
    }

    [Fact]
    public async Task Two_accept_clicks_racing_leave_exactly_one_pair()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await world.ReplyAsync(await world.CommandAsync(world.Alice, "pair", Partner(world.Bob)));
        var invite = InviteFor(bot.Fake, world.Bob);

        var clicks = await Task.WhenAll(bot.Fake.ClickButtonAsync(world.Bob, invite, AcceptId(invite)), bot.Fake.ClickButtonAsync(world.Bob, invite, AcceptId(invite)));
        var responses = await Task.WhenAll(clicks.Select(c => c.FirstResponse.WaitAsync(TimeSpan.FromSeconds(10))));

        Assert.Single(responses, r => r["type"]!.GetValue<int>() == 7);
        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Alice).Count(m => World.Text(m).Contains("You're paired")) == 1);
        await bot.DeliverAsync();   // a full outbox pass after: a second welcome would have gone out by now
        Assert.Single(bot.Fake.DirectMessagesTo(world.Alice), m => World.Text(m).Contains("You're paired"));
    }

    [Fact]
    public async Task Unpair_asks_first_then_ends_the_pair_and_tells_the_partner_kindly()
    {
        await using var bot = await BotHarness.StartAsync();
        var world = new World(bot.Fake);
        await PairAsync(world, world.Alice, world.Bob);

        var confirm = await world.ReplyAsync(await world.CommandAsync(world.Alice, "unpair"));
        Assert.True(confirm.Ephemeral);
        var end = confirm.Components[0]!["components"]![0]!["custom_id"]!.GetValue<string>();
        await (await bot.Fake.ClickButtonAsync(world.Alice, confirm, end)).FirstResponse.WaitAsync(TimeSpan.FromSeconds(10));

        await bot.Fake.WaitUntilAsync(() => bot.Fake.DirectMessagesTo(world.Bob).Any(m => World.Text(m).Contains("ended your pairing")));
        var again = await world.ReplyAsync(await world.CommandAsync(world.Bob, "unpair"));
        Assert.Contains("not paired", again.Content);
    }
}
