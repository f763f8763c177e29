namespace BondBot.Features.Care;

/// <summary>The <c>Care</c> configuration section: where the care message points people.</summary>
public sealed class CareOptions
{
    public const string SectionName = "Care";

    /// <summary>Support resources listed in the care message, one line each (plain text or links). The binder would
    /// append configured items to a pre-filled list, so the defaults live in <see cref="EffectiveResources"/>.</summary>
    public List<string>? Resources { get; set; }

    public IReadOnlyList<string> EffectiveResources => Resources is { Count: > 0 } configured ? configured : Defaults;

    private static readonly string[] Defaults =
    [
        "If you are in danger or crisis, contact your local emergency number right away.",
        "A licensed couples counsellor or therapist can help you both; many offer sessions online.",
    ];
}
