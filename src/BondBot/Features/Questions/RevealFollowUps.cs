using BondBot.Content;

namespace BondBot.Features.Questions;

/// <summary>The one listening prompt under a reveal ("ask one question about their answer"): it rotates from round
/// to round, because the same footer every time stops being read.</summary>
public sealed class RevealFollowUps(IReadOnlyList<RevealFollowUps.FollowUp> followUps)
{
    public sealed record FollowUp(string Id, string Text);

    public static RevealFollowUps LoadEmbedded() => new(EmbeddedDeck.Load<FollowUp>("reveal-followups"));

    /// <summary>The follow-up for a round: stable for that round (both partners and every copy read the same one).</summary>
    public string For(long roundId) => EmbeddedDeck.ForDay(followUps, (int)(roundId % int.MaxValue), salt: 3).Text;
}
