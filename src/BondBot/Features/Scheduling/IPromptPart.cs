using BondBot.Features.Delivery;
using BondBot.Features.Pairing;

namespace BondBot.Features.Scheduling;

/// <summary>
/// One part of a person's daily prompt, contributed by the feature it belongs to (the check-in, today's question, the
/// week's ritual, the month's pulse offer), so the scheduler knows none of them. Parts run in <see cref="Order"/>;
/// each sends its own short message with its own action.
/// </summary>
public interface IPromptPart
{
    int Order { get; }

    Task<PromptPartOutcome> SendAsync(DailyPrompt prompt, CancellationToken cancellationToken);
}

/// <summary>What a part did: sent (with the message), had nothing to send today, or found the person's DMs closed
/// (the rest of the prompt is then not tried).</summary>
public sealed record PromptPartOutcome(ulong? MessageId, bool Unreachable = false)
{
    public static readonly PromptPartOutcome Nothing = new((ulong?)null);
    public static readonly PromptPartOutcome Closed = new(null, Unreachable: true);

    public static PromptPartOutcome Sent(ulong messageId) => new(messageId);
}

/// <summary>The prompt being sent: whose, which local day, the pair (if any), and a nonce per part derived from the
/// ledger's, so a resend of the same day's prompt lands once.</summary>
public sealed record DailyPrompt(PromptLedger.Claimed Claimed, Pair? Pair)
{
    public ulong UserId => Claimed.UserId;
    public NodaTime.LocalDate LocalDate => Claimed.LocalDate;

    public string NonceFor(string part) => part.Length == 0 ? Claimed.Nonce : PromptLedger.NonceFor(Claimed.UserId, Claimed.LocalDate, $"{Claimed.Kind}:{part}");
}

/// <summary>Work a feature does once per scheduler pass (nudges, for example), after the day's prompts.</summary>
public interface ISchedulerStep
{
    /// <summary>Returns how many messages the step sent, for the pass's log line.</summary>
    Task<int> RunAsync(NodaTime.Instant now, CancellationToken cancellationToken);
}
