using BondBot.Features.CheckIns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BondBot.Features.Care;

public static class CareServiceCollectionExtensions
{
    /// <summary>The care message after a run of low moods or two low pulses, with its configured resources and buttons.</summary>
    public static IServiceCollection AddCare(this IServiceCollection services)
    {
        services.AddOptions<CareOptions>().BindConfiguration(CareOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CareOptions>, CareOptionsValidator>();
        services.AddSingleton<CareService>();
        services.AddSingleton<IMoodObserver>(provider => provider.GetRequiredService<CareService>());
        services.AddSingleton<Pulse.IPulseObserver>(provider => provider.GetRequiredService<CareService>());
        services.AddScoped<Interactions.IComponentHandler, CareOkayHandler>();
        services.AddScoped<Interactions.IComponentHandler, CarePauseHandler>();
        return services;
    }
}

/// <summary>Each resource is one line of the care message: present, and short enough to read.</summary>
internal sealed class CareOptionsValidator : IValidateOptions<CareOptions>
{
    public ValidateOptionsResult Validate(string? name, CareOptions options) =>
        options.Resources is { } resources && resources.Any(r => string.IsNullOrWhiteSpace(r) || r.Length > 300)
            ? ValidateOptionsResult.Fail("Each Care:Resources entry must be one line of 1 to 300 characters, for example Care__Resources__0=\"Call 988 in the US\".")
            : ValidateOptionsResult.Success;
}
