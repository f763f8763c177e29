using BondBot.Features.Pairing;
using BondBot.Features.Space;

namespace BondBot.Features.CheckIns;

/// <summary>Who sees a person's check-in and where: said plainly on the prompt, in the form and in the confirmation,
/// so nobody writes a note believing it private.</summary>
public sealed record CheckInAudience(ulong? PartnerId, ulong? SpaceChannelId)
{
    public static readonly CheckInAudience JustYou = new(null, null);

    private string Where => SpaceChannelId is { } channel ? $"in your private space <#{channel}>" : "by DM";

    /// <summary>For the prompt: the card goes to the partner when the check-in is saved.</summary>
    public string PromptLine => PartnerId is { } partner
        ? $"🔒 When you save, {PairingMessages.Mention(partner)} sees your mood and anything you write, {Where}."
        : "🔒 Just for you for now: once you pair with `/pair`, your partner sees your check-ins.";

    /// <summary>For the form (a modal shows no channel links, so it names the place in words).</summary>
    public string FormLine => PartnerId is { } partner
        ? $"🔒 {PairingMessages.Mention(partner)} sees your mood and these answers when you save ({(SpaceChannelId is null ? "by DM" : "in your private space")}). Leave any blank."
        : "🔒 Just for you. Leave any blank.";

    public string SavedLine => PartnerId is { } partner ? $"Saved and shared with {PairingMessages.Mention(partner)} ✅" : "Saved ✅ Just for you.";
}

/// <summary>Finds a person's <see cref="CheckInAudience"/>: their current partner and the pair's space, if any.</summary>
public sealed class CheckInAudiences(PairingRepository pairs, SpaceRepository spaces)
{
    public async Task<CheckInAudience> ForAsync(ulong userId, CancellationToken cancellationToken = default) =>
        await ForAsync(await pairs.GetActivePairAsync(userId, cancellationToken), userId, cancellationToken);

    /// <summary>For a pair already known (the daily prompt carries it): only the space is looked up.</summary>
    public async Task<CheckInAudience> ForAsync(Pair? pair, ulong userId, CancellationToken cancellationToken = default) => pair is null
        ? CheckInAudience.JustYou
        : new CheckInAudience(pair.PartnerOf(userId), (await spaces.ForPairAsync(pair.PairId, cancellationToken))?.ChannelId);
}
