using Microsoft.Extensions.Options;

namespace BondBot.Interactions;

/// <summary>The <c>Interactions</c> section: how fast one person may go before being asked to slow down.</summary>
public sealed class InteractionOptions
{
    public const string SectionName = "Interactions";

    /// <summary>Commands, buttons and forms one person may use at once before the limit applies.</summary>
    public int PerUserBurst { get; set; } = 12;

    /// <summary>After the burst, one more each this long.</summary>
    public TimeSpan PerUserRefill { get; set; } = TimeSpan.FromSeconds(1);
}

internal sealed class InteractionOptionsValidator : IValidateOptions<InteractionOptions>
{
    public ValidateOptionsResult Validate(string? name, InteractionOptions options)
    {
        var failures = new List<string>();
        if (options.PerUserBurst is < 1 or > 1000)
            failures.Add("Interactions:PerUserBurst must be between 1 and 1000, for example 12.");
        if (options.PerUserRefill <= TimeSpan.Zero || options.PerUserRefill > TimeSpan.FromMinutes(1))
            failures.Add("Interactions:PerUserRefill must be a duration above zero and at most 00:01:00, for example 00:00:01.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
