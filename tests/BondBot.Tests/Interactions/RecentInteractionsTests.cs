using BondBot.Interactions;

namespace BondBot.Tests.Interactions;

/// <summary>The duplicate guard on its own: an id is claimed once while an interaction token could still be used.</summary>
public sealed class RecentInteractionsTests
{
    [Fact]
    public void An_id_is_claimed_once_and_forgotten_only_after_tokens_expire()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var recent = new RecentInteractions(time);

        Assert.True(recent.TryClaim(42));
        Assert.False(recent.TryClaim(42));
        Assert.True(recent.TryClaim(43));

        time.Advance(InteractionRouter.TokenLifetime);
        Assert.False(recent.TryClaim(42));               // still within the window a duplicate could arrive in
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(recent.TryClaim(42));                // long past any token: the memory is freed
    }
}
