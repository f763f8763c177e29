using System.Net;
using BondBot.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;

namespace BondBot.Discord.Tests.EndToEnd;

public sealed class RestEndToEndTests
{
    [Fact]
    public async Task A_forced_429_is_honoured_and_the_same_bucket_never_sees_a_second_one()
    {
        await using var h = await ClientHarness.StartAsync();
        var channel = h.Fake.AddGuild("g").AddTextChannel("general");
        h.Fake.ForceRateLimit($"channels/{channel.Id}/messages", retryAfterSeconds: 1.0);

        var started = DateTimeOffset.UtcNow;
        for (var i = 0; i < 8; i++)
            await h.Rest.CreateMessageAsync(channel.Id, new MessagePayload { Content = $"m{i}" });

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(1));
        Assert.Single(h.Fake.Requests, r => r.Status == 429);
        Assert.Equal(8, h.Fake.MessagesIn(channel.Id).Count);
    }

    [Fact]
    public async Task A_bucket_is_respected_from_its_headers_without_any_429()
    {
        await using var h = await ClientHarness.StartAsync(new FakeDiscordOptions { MessageCreateLimit = 3, MessageCreateWindow = TimeSpan.FromSeconds(1) });
        var channel = h.Fake.AddGuild("g").AddTextChannel("general");

        await Task.WhenAll(Enumerable.Range(0, 7).Select(i => h.Rest.CreateMessageAsync(channel.Id, new MessagePayload { Content = $"m{i}" })));

        Assert.DoesNotContain(h.Fake.Requests, r => r.Status == 429);
        Assert.Equal(7, h.Fake.MessagesIn(channel.Id).Count);
    }

    [Fact]
    public async Task Server_errors_are_retried_for_idempotent_and_nonce_protected_calls()
    {
        await using var h = await ClientHarness.StartAsync();
        var channel = h.Fake.AddGuild("g").AddTextChannel("general");

        h.Fake.FailNextRequests(2, 503, "gateway/bot");
        var info = await h.Rest.GetGatewayBotAsync();
        Assert.StartsWith("ws://127.0.0.1", info.Url);

        h.Fake.FailNextRequests(2, 502, "/messages");
        var message = await h.Rest.CreateMessageAsync(channel.Id, new MessagePayload { Content = "once", Nonce = "n-1", EnforceNonce = true });
        Assert.Equal("once", message.Content);
        Assert.Single(h.Fake.MessagesIn(channel.Id));
    }

    [Fact]
    public async Task Every_message_gets_a_nonce_so_a_send_after_a_server_error_is_retried_without_posting_twice()
    {
        await using var h = await ClientHarness.StartAsync();
        var channel = h.Fake.AddGuild("g").AddTextChannel("general");

        h.Fake.FailNextRequests(1, 503, "/messages");
        await h.Rest.CreateMessageAsync(channel.Id, new MessagePayload { Content = "x" });

        Assert.Equal(2, h.Fake.Requests.Count(r => r.Path.EndsWith("/messages", StringComparison.Ordinal)));
        var stored = Assert.Single(h.Fake.MessagesIn(channel.Id));
        Assert.False(string.IsNullOrEmpty(stored.Nonce));
    }

    [Fact]
    public async Task A_guild_channel_create_is_not_repeated_after_a_server_error()
    {
        await using var h = await ClientHarness.StartAsync();
        var guild = h.Fake.AddGuild("g");

        h.Fake.FailNextRequests(1, 503, "/channels");
        await Assert.ThrowsAsync<DiscordUnavailableException>(() => h.Rest.CreateGuildChannelAsync(guild.Id, new CreateGuildChannelRequest { Name = "once" }));
        Assert.Single(h.Fake.Requests, r => r.Path.EndsWith("/channels", StringComparison.Ordinal));
        Assert.DoesNotContain(guild.Channels, c => c.Name == "once");
    }

    [Fact]
    public async Task Closed_dms_surface_as_the_typed_50007_error()
    {
        await using var h = await ClientHarness.StartAsync();
        var user = h.Fake.AddUser("closed");
        user.DmsOpen = false;

        var dm = await h.Rest.CreateDmAsync(user.Id);
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Rest.CreateMessageAsync(dm.Id, new MessagePayload { Content = "hi" }));

        Assert.Equal(DiscordErrorCode.CannotMessageUser, error.Code);
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
    }

    [Fact]
    public async Task Mentions_are_suppressed_unless_allowed()
    {
        await using var h = await ClientHarness.StartAsync();
        var channel = h.Fake.AddGuild("g").AddTextChannel("general");

        await h.Rest.CreateMessageAsync(channel.Id, new MessagePayload { Content = "@everyone hi" });

        var sent = h.Fake.MessagesIn(channel.Id).Single();
        Assert.NotNull(sent.AllowedMentions);
        Assert.Empty(sent.AllowedMentions!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Files_are_uploaded_as_multipart_with_payload_json()
    {
        await using var h = await ClientHarness.StartAsync();
        var user = h.Fake.AddUser("sam");
        var dm = await h.Rest.CreateDmAsync(user.Id);

        await h.Rest.CreateMessageAsync(dm.Id, new MessagePayload { Content = "your export" },
            [new FileUpload("export.json", "{\"a\":1}"u8.ToArray(), "application/json")]);

        var message = h.Fake.DirectMessagesTo(user).Single();
        var file = Assert.Single(message.Attachments);
        Assert.Equal("export.json", file.FileName);
        Assert.Equal("{\"a\":1}", System.Text.Encoding.UTF8.GetString(file.Data));
    }

    [Fact]
    public async Task Guild_channels_are_created_with_exact_overwrites_and_missing_permissions_are_typed()
    {
        await using var h = await ClientHarness.StartAsync();
        var guild = h.Fake.AddGuild("g");
        var member = h.Fake.AddUser("m");
        guild.AddMember(member);
        var overwrites = new[]
        {
            new PermissionOverwrite { Id = guild.Id, Type = OverwriteType.Role, Deny = Permissions.ViewChannel },
            new PermissionOverwrite { Id = member.Id, Type = OverwriteType.Member, Allow = Permissions.ViewChannel | Permissions.SendMessages },
        };

        var channel = await h.Rest.CreateGuildChannelAsync(guild.Id, new CreateGuildChannelRequest { Name = "private", PermissionOverwrites = overwrites });
        Assert.Equal(2, guild.Channels.Single(c => c.Id == channel.Id).PermissionOverwrites.Count);

        guild.BotPermissions &= ~(ulong)Permissions.ManageChannels;
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Rest.CreateGuildChannelAsync(guild.Id, new CreateGuildChannelRequest { Name = "again" }));
        Assert.Equal(DiscordErrorCode.MissingPermissions, error.Code);
    }

    [Fact]
    public async Task An_invalid_form_body_from_discord_surfaces_its_field_errors()
    {
        await using var h = await ClientHarness.StartAsync();
        var guild = h.Fake.AddGuild("g");

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => h.Rest.CreateGuildChannelAsync(guild.Id, new CreateGuildChannelRequest { Name = "voice", Type = (ChannelType)2 }));

        Assert.Equal(DiscordErrorCode.InvalidFormBody, error.Code);
        Assert.Contains(error.FieldErrors, f => f.Path == "type");
    }

    [Fact]
    public async Task A_rejected_token_stops_all_further_requests()
    {
        await using var h = await ClientHarness.StartAsync();
        await using var services = TestClients.Build(h.Fake.ApiBaseUrl, "not-the-token");
        var rest = services.GetRequiredService<Rest.DiscordRestClient>();

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => rest.GetCurrentUserAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        var requests = h.Fake.Requests.Count;

        await Assert.ThrowsAsync<DiscordUnauthorizedException>(() => rest.GetCurrentUserAsync());
        Assert.Equal(requests, h.Fake.Requests.Count);
    }

    [Fact]
    public async Task When_the_invalid_request_guard_refuses_background_requests_interactions_are_still_answered()
    {
        await using var h = await ClientHarness.StartAsync(configure: services => services.AddSingleton(provider =>
            new BondBot.Discord.RateLimiting.InvalidRequestGuard(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, refuseAt: 3)));
        var closed = h.Fake.AddUser("closed");
        closed.DmsOpen = false;
        var open = h.Fake.AddUser("open");
        await h.ConnectAsync();
        var dm = await h.Rest.CreateDmAsync(closed.Id);
        for (var i = 0; i < 3; i++)
            await Assert.ThrowsAsync<DiscordApiException>(() => h.Rest.CreateMessageAsync(dm.Id, new MessagePayload { Content = "hi" }));

        await Assert.ThrowsAsync<InvalidRequestLimitException>(() => h.Rest.CreateDmAsync(open.Id));   // background work waits
        var pending = await h.Fake.InvokeCommandAsync(open, "help");
        await h.WaitForEventAsync("INTERACTION_CREATE");
        Interaction interaction;
        lock (h.Events) interaction = h.Events.Last(e => e.Type == "INTERACTION_CREATE").AsInteraction();
        await h.Rest.RespondAsync(interaction.Id, interaction.Token, InteractionCallbackType.ChannelMessageWithSource,
            new MessagePayload { Content = "still answered", Flags = MessageFlags.Ephemeral });
        Assert.Equal("still answered", (await pending.FirstResponse)["data"]!["content"]!.GetValue<string>());
    }
}
