using NodaTime;

namespace BondBot.Features.CheckIns;

/// <summary>One person's check-in for one of their local days.</summary>
public sealed record CheckIn(ulong UserId, LocalDate LocalDate, long Mood, string? GoodThing, string? Stress, string? Need);
