using BondBot.Features.Delivery.Outbox;
using BondBot.Features.Pairing;

using BondBot.Tests.Support;

namespace BondBot.Tests.Features;

/// <summary>Run on both providers: <see cref="PairingServiceTestsOnSqlite"/> and <see cref="PairingServiceTestsOnPostgres"/>.</summary>
public abstract class PairingServiceTests(string provider) : IAsyncLifetime
{
    private readonly TempDatabase _db = new(provider);
    private readonly FakeClock _time = new(NodaTime.Instant.FromUtc(2026, 1, 5, 12, 0));
    private PairingService _pairing = null!;

    public async Task InitializeAsync()
    {
        await _db.MigratedAsync();
        _pairing = new PairingService(new PairingRepository(_db.Connections, new OutboxWriter(_time), []), new InviteLimitsRepository(_db.Connections), _time);
    }

    public Task DisposeAsync() { _db.Dispose(); return Task.CompletedTask; }

    [Fact]
    public async Task Invite_then_accept_links_exactly_the_two_people()
    {
        var invite = await _pairing.InviteAsync(1, 2, false, 10, 20);
        var accepted = await _pairing.AcceptAsync(invite.Invite!.InviteId, 2, p => []);

        Assert.Equal(AcceptOutcome.Paired, accepted.Outcome);
        Assert.Equal(accepted.Pair!.PairId, (await _pairing.GetActivePairAsync(1))!.PairId);
        Assert.Equal(1UL, (await _pairing.GetActivePairAsync(2))!.PartnerOf(2));
    }

    [Fact]
    public async Task Nothing_is_linked_before_acceptance()
    {
        await _pairing.InviteAsync(1, 2, false, null, null);
        Assert.Null(await _pairing.GetActivePairAsync(1));
        Assert.Null(await _pairing.GetActivePairAsync(2));
    }

    [Fact]
    public async Task Refusals_self_bot_and_already_paired()
    {
        Assert.Equal(InviteOutcome.Self, (await _pairing.InviteAsync(1, 1, false, null, null)).Outcome);
        Assert.Equal(InviteOutcome.Bot, (await _pairing.InviteAsync(1, 9, true, null, null)).Outcome);

        var invite = await _pairing.InviteAsync(1, 2, false, null, null);
        await _pairing.AcceptAsync(invite.Invite!.InviteId, 2, p => []);
        Assert.Equal(InviteOutcome.YouArePaired, (await _pairing.InviteAsync(1, 3, false, null, null)).Outcome);
        Assert.Equal(InviteOutcome.Unavailable, (await _pairing.InviteAsync(3, 2, false, null, null)).Outcome);
    }

    [Fact]
    public async Task A_new_invite_replaces_the_pending_one()
    {
        var first = await _pairing.InviteAsync(1, 2, false, null, null);
        _time.Advance(PairingService.InviterCooldown);
        var second = await _pairing.InviteAsync(1, 3, false, null, null);

        Assert.True(second.ReplacedEarlierInvite);
        Assert.Equal(AcceptOutcome.AlreadyAnswered, (await _pairing.AcceptAsync(first.Invite!.InviteId, 2, p => [])).Outcome);
        Assert.Equal(AcceptOutcome.Paired, (await _pairing.AcceptAsync(second.Invite!.InviteId, 3, p => [])).Outcome);
    }

    [Fact]
    public async Task Accepting_someone_elses_invite_or_an_expired_one_is_refused()
    {
        var invite = await _pairing.InviteAsync(1, 2, false, null, null);
        Assert.Equal(AcceptOutcome.NotYours, (await _pairing.AcceptAsync(invite.Invite!.InviteId, 3, p => [])).Outcome);

        _time.Advance(NodaTime.Duration.FromDays(7));
        Assert.Equal(AcceptOutcome.Expired, (await _pairing.AcceptAsync(invite.Invite.InviteId, 2, p => [])).Outcome);
        Assert.Equal(AcceptOutcome.NotFound, (await _pairing.AcceptAsync(999, 2, p => [])).Outcome);
    }

    [Fact]
    public async Task Accepting_twice_or_after_declining_is_refused()
    {
        var invite = await _pairing.InviteAsync(1, 2, false, null, null);
        await _pairing.AcceptAsync(invite.Invite!.InviteId, 2, p => []);
        Assert.Equal(AcceptOutcome.AlreadyAnswered, (await _pairing.AcceptAsync(invite.Invite.InviteId, 2, p => [])).Outcome);

        var other = await _pairing.InviteAsync(5, 6, false, null, null);
        Assert.Equal(DeclineOutcome.Declined, (await _pairing.DeclineAsync(other.Invite!.InviteId, 6, p => [])).Outcome);
        Assert.Equal(AcceptOutcome.AlreadyAnswered, (await _pairing.AcceptAsync(other.Invite.InviteId, 6, p => [])).Outcome);
    }

    [Fact]
    public async Task Two_invites_to_the_same_person_accepted_at_once_leave_exactly_one_pair()
    {
        var fromA = await _pairing.InviteAsync(1, 3, false, null, null);
        var fromB = await _pairing.InviteAsync(2, 3, false, null, null);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Task.Run(() => _pairing.AcceptAsync(i % 2 == 0 ? fromA.Invite!.InviteId : fromB.Invite!.InviteId, 3, p => []))));

        Assert.Single(results, r => r.Outcome == AcceptOutcome.Paired);
        var pair = await _pairing.GetActivePairAsync(3);
        Assert.NotNull(pair);
        Assert.True(pair.Includes(1) ^ pair.Includes(2));
    }

    [Fact]
    public async Task Double_clicking_accept_leaves_one_pair()
    {
        var invite = await _pairing.InviteAsync(1, 2, false, null, null);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _pairing.AcceptAsync(invite.Invite!.InviteId, 2, p => []))));
        Assert.Single(results, r => r.Outcome == AcceptOutcome.Paired);
    }

    [Fact]
    public async Task Unpair_ends_the_pair_for_both_and_only_with_the_right_pair_id()
    {
        var invite = await _pairing.InviteAsync(1, 2, false, null, null);
        var pair = (await _pairing.AcceptAsync(invite.Invite!.InviteId, 2, p => [])).Pair!;

        Assert.Null(await _pairing.UnpairAsync(1, pair.PairId + 100, p => []));
        Assert.NotNull(await _pairing.UnpairAsync(1, pair.PairId, p => []));
        Assert.Null(await _pairing.GetActivePairAsync(1));
        Assert.Null(await _pairing.GetActivePairAsync(2));
        Assert.Null(await _pairing.UnpairAsync(2, pair.PairId, p => []));
        Assert.Equal(InviteOutcome.Sent, (await _pairing.InviteAsync(2, 3, false, null, null)).Outcome);
    }
}

public sealed class PairingServiceTestsOnSqlite() : PairingServiceTests("sqlite");

public sealed class PairingServiceTestsOnPostgres() : PairingServiceTests("postgres");
