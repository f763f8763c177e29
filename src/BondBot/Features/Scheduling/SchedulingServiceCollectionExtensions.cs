using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BondBot.Features.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>The scheduler loop and the daily prompt's frame; the parts come from the features that own them.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>();
        services.AddSingleton<PromptClaims>();
        services.AddSingleton<PromptSender>();
        services.AddSingleton<CheckInScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<CheckInScheduler>());
        return services;
    }
}

/// <summary>One sentence per bad scheduler setting, naming it and a valid example.</summary>
internal sealed class SchedulerOptionsValidator : IValidateOptions<SchedulerOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerOptions options)
    {
        var failures = new List<string>();
        if (options.TickInterval < TimeSpan.FromMilliseconds(50) || options.TickInterval > TimeSpan.FromHours(1))
            failures.Add("Scheduler:TickInterval must be between 00:00:00.05 and 01:00:00, for example 00:01:00.");
        if (options.CatchUpWindow < TimeSpan.Zero || options.CatchUpWindow > TimeSpan.FromDays(1))
            failures.Add("Scheduler:CatchUpWindow must be between 00:00:00 and 1.00:00:00, for example 03:00:00.");
        if (options.BatchSize is < 1 or > 10_000)
            failures.Add("Scheduler:BatchSize must be between 1 and 10000, for example 500.");
        if (options.QuietHoursStart < TimeSpan.Zero || options.QuietHoursStart >= TimeSpan.FromDays(1) || options.QuietHoursEnd < TimeSpan.Zero || options.QuietHoursEnd >= TimeSpan.FromDays(1))
            failures.Add("Scheduler:QuietHoursStart and Scheduler:QuietHoursEnd must be times of day, for example 22:00:00 and 08:00:00.");
        if (options.NudgeAfter < TimeSpan.Zero || options.NudgeAfter > TimeSpan.FromDays(1))
            failures.Add("Scheduler:NudgeAfter must be between 00:00:00 and 1.00:00:00, for example 04:00:00.");
        if (options.MaxConcurrentSends is < 1 or > 256)
            failures.Add("Scheduler:MaxConcurrentSends must be between 1 and 256, for example 32.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
