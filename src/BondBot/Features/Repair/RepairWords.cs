using System.Globalization;
using NodaTime;

namespace BondBot.Features.Repair;

/// <summary>The kit's rules, free of Discord: a gentle start-up built from the person's own words, a card's gaps
/// filled in, and a pause's return time in a person's own zone.</summary>
public static class RepairWords
{
    public const int MaxPart = 200;
    public const int MaxOwnWords = 1000;
    public const int MaxGaps = 4;
    public static readonly TimeSpan DraftLifetime = TimeSpan.FromDays(1);

    /// <summary>The pause lengths offered, in minutes; a racing heart needs about twenty to settle.</summary>
    public static readonly IReadOnlyList<int> PauseMinutes = [20, 30, 60, 120];

    public static string PauseLabel(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        60 => "1 hour",
        _ => $"{minutes / 60} hours",
    };

    /// <summary>"I feel hurt about how our call ended, and I need a few minutes to talk it through." People often type
    /// the lead-in again ("I feel hurt"), so it is dropped; a closing "?" or "!" is theirs to keep.</summary>
    public static string StartUp(string feel, string about, string need)
    {
        var end = need.TrimEnd().EndsWith('?') || need.TrimEnd().EndsWith('!') ? "" : ".";
        return $"I feel {Part(feel, "i feel", "i'm feeling")} about {Part(about, "about")}, and I need {Part(need, "and i need", "i need")}{end}";
    }

    /// <summary>Whether each of the three parts has 1–200 characters once trimmed.</summary>
    public static bool ValidParts(params string[] parts) => parts.All(p => p.Trim().Length is > 0 and <= MaxPart);

    /// <summary>The card's text with its gaps filled in order; null when a fill is missing or empty.</summary>
    public static string? FillGaps(RepairCard card, IReadOnlyList<string> fills)
    {
        var pieces = card.Text.Split(RepairCard.Gap);
        if (fills.Count != pieces.Length - 1 || fills.Any(f => f.Trim().Length is 0 or > MaxPart))
            return null;
        var text = pieces[0];
        for (var i = 0; i < fills.Count; i++)
            text += fills[i].Trim() + pieces[i + 1];
        return text;
    }

    /// <summary>"14:30", with "tomorrow" when the return falls on the next day where that person lives.</summary>
    public static string LocalTimeText(Instant at, Instant now, DateTimeZone zone)
    {
        var local = at.InZone(zone);
        var text = local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);
        return local.Date > now.InZone(zone).Date ? $"{text} tomorrow" : text;
    }

    /// <summary>Discord shows this to each reader in their own local time.</summary>
    public static string Timestamp(Instant at) => $"<t:{at.ToUnixTimeSeconds()}:t>";

    private static string Part(string text, params string[] leadIns)
    {
        var part = text.Trim();
        foreach (var leadIn in leadIns)
        {
            if (part.StartsWith(leadIn + " ", StringComparison.OrdinalIgnoreCase))
            {
                part = part[(leadIn.Length + 1)..].TrimStart();
                break;
            }
        }
        var trimmed = part.TrimEnd('.', ',', ';', ' ');
        return trimmed.Length > 0 ? trimmed : text.Trim();
    }
}
