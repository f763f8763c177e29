using BondBot.Discord.Gateway;
using BondBot.FakeDiscord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BondBot.Discord.Tests.Gateway;

/// <summary>
/// The gateway client at its transport seam, on a fake clock: the test plays Discord frame by frame, so resume,
/// invalid sessions, zombie connections and fatal closes take milliseconds. (REST, for GET /gateway/bot, is the
/// loopback fake.)
/// </summary>
public sealed class ScriptedGatewayTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly Queue<ScriptedTransport> _connections = new();
    private readonly List<ScriptedTransport> _opened = [];
    private readonly CancellationTokenSource _stop = new();
    private FakeDiscordServer _fake = null!;
    private ServiceProvider _services = null!;
    private Task _run = Task.CompletedTask;

    private DiscordGatewayClient Gateway => _services.GetRequiredService<DiscordGatewayClient>();

    public async Task InitializeAsync()
    {
        _fake = await FakeDiscordServer.StartAsync();
        var collection = new ServiceCollection();
        collection.AddSingleton<TimeProvider>(_time);
        collection.AddSingleton(new DiscordTiming { IdentifySpacing = TimeSpan.Zero, InitialBackoff = TimeSpan.FromMilliseconds(10), MaxBackoff = TimeSpan.FromMilliseconds(10) });
        collection.AddTransient<IGatewayTransport>(_ => Next());
        _services = collection
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(Options.Create(new DiscordClientOptions { Token = _fake.Token, ApiBaseUrl = _fake.ApiBaseUrl }))
            .AddDiscordClient()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _run.WaitAsync(TimeSpan.FromSeconds(5)); } catch (Exception) { }
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    /// <summary>Lines up the next connections the client will open.</summary>
    private ScriptedTransport[] Expect(int count)
    {
        var scripted = Enumerable.Range(0, count).Select(_ => new ScriptedTransport()).ToArray();
        lock (_connections) foreach (var s in scripted) _connections.Enqueue(s);
        return scripted;
    }

    private ScriptedTransport Next()
    {
        lock (_connections)
        {
            var next = _connections.Count > 0 ? _connections.Dequeue() : new ScriptedTransport();
            _opened.Add(next);
            return next;
        }
    }

    private void Start() => _run = Gateway.RunAsync(_stop.Token);

    /// <summary>Moves the fake clock in small steps until the client sends <paramref name="op"/>: its timer may be set
    /// only after the test's first step, so one big step could pass before it exists. Bounded; never a sleep.</summary>
    private async Task AdvanceUntilSentAsync(ScriptedTransport connection, int op)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            try
            {
                await connection.NextSentAsync(op, TimeSpan.FromMilliseconds(100));
                return;
            }
            catch (OperationCanceledException)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the client sent no op {op}");
            }
        }
    }

    /// <summary>Moves the fake clock in small steps until the client has opened <paramref name="count"/> connections
    /// (it waits out a backoff or an invalid-session delay on that clock). Bounded; never a sleep.</summary>
    private async Task AdvanceUntilOpenedAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Opened < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the client opened {Opened} connections, expected {count}");
            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Yield();
        }
    }

    private int Opened { get { lock (_connections) return _opened.Count; } }

    private async Task<ScriptedTransport> IdentifiedAsync(ScriptedTransport connection, string session = "s1")
    {
        connection.SendHello();
        var identify = await connection.NextSentAsync(2);
        Assert.Equal(_fake.Token, identify["d"]!["token"]!.GetValue<string>());
        connection.Ready(session);
        return connection;
    }

    [Fact]
    public async Task A_dropped_connection_resumes_at_the_resume_url_with_the_last_sequence()
    {
        var (first, second) = Expect(2) is [var a, var b] ? (a, b) : default;
        Start();
        await IdentifiedAsync(first);
        first.Dispatch("MESSAGE_CREATE", new() { ["id"] = "5", ["channel_id"] = "6" });
        first.Close(null);                                      // dropped: no close code

        second.SendHello();
        var resume = await second.NextSentAsync(6);
        Assert.Equal("s1", resume["d"]!["session_id"]!.GetValue<string>());
        Assert.Equal(2, resume["d"]!["seq"]!.GetValue<int>());  // READY was 1, the message 2
        Assert.StartsWith("wss://resume.example/", second.ConnectedTo!.ToString());
    }

    [Fact]
    public async Task An_invalid_session_that_cannot_resume_waits_its_delay_and_identifies_anew()
    {
        var (first, second) = Expect(2) is [var a, var b] ? (a, b) : default;
        Start();
        await IdentifiedAsync(first);
        first.Op(9, false);
        await first.Closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1000, first.ClosedWith);                  // the session is over

        await AdvanceUntilOpenedAsync(2);                        // the random wait of 1–5 s passes
        second.SendHello();
        await second.NextSentAsync(2);                          // identify, not resume
        Assert.Equal(2, Gateway.IdentifyCount);
    }

    [Fact]
    public async Task A_connection_without_heartbeat_acks_is_a_zombie_and_is_closed_resumably()
    {
        var (first, second) = Expect(2) is [var a, var b] ? (a, b) : default;
        Start();
        first.SendHello(intervalMs: 1000);
        await first.NextSentAsync(2);
        first.Ready("s1");
        await AdvanceUntilSentAsync(first, 1);                  // first heartbeat (jittered within the interval)
        var deadline = DateTime.UtcNow.AddSeconds(5);          // no ACK comes: a later beat finds the connection dead
        while (!first.Closed.Task.IsCompleted && DateTime.UtcNow < deadline)
        {
            _time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Yield();
        }
        Assert.True(first.Closed.Task.IsCompleted);

        Assert.NotEqual(1000, first.ClosedWith);                // non-1000 keeps the session for a resume
        second.SendHello();
        await second.NextSentAsync(6);
    }

    [Theory]
    [InlineData(4004)]
    [InlineData(4014)]
    public async Task A_fatal_close_stops_the_client_with_the_code(int code)
    {
        var first = Expect(1)[0];
        Start();
        await IdentifiedAsync(first);
        first.Close(code);

        var fatal = await Assert.ThrowsAsync<GatewayFatalException>(() => _run.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(code, fatal.CloseCode);
    }

    [Fact]
    public async Task A_hello_without_data_or_an_incomplete_ready_starts_over_instead_of_stopping()
    {
        var (first, second, third) = Expect(3) is [var a, var b, var c] ? (a, b, c) : default;
        Start();
        first.Op(10);                                           // Hello without d
        await first.Closed.Task.WaitAsync(TimeSpan.FromSeconds(5));

        await AdvanceUntilOpenedAsync(2);
        second.SendHello();
        await second.NextSentAsync(2);
        second.Dispatch("READY", new() { ["session_id"] = "s2" });   // no resume URL, no application
        await second.Closed.Task.WaitAsync(TimeSpan.FromSeconds(5));

        await AdvanceUntilOpenedAsync(3);
        await IdentifiedAsync(third, "s3");
        await _fake.WaitUntilAsync(() => Gateway.IsConnected);
        Assert.Equal(2UL, Gateway.ApplicationId);
        Assert.False(_run.IsCompleted);
    }
}
