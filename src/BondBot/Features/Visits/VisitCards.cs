using BondBot.Discord;
using BondBot.Features.Pairing;
using NodaTime;
using NodaTime.Text;

namespace BondBot.Features.Visits;

/// <summary>What /visit says: to the person who acted (with the visit in both partners' zones) and to the partner
/// (a Discord timestamp, which each person's Discord shows in their own zone).</summary>
public static class VisitCards
{
    private const int Color = 0x3498DB;
    private static readonly LocalDateTimePattern WithTime = LocalDateTimePattern.CreateWithInvariantCulture("ddd d MMM yyyy, HH':'mm");

    /// <summary>Discord's own clock: full date and time when an arrival time was given, else the long date (noon in the
    /// setter's zone, so the date doesn't shift a day for the partner), then "in 12 days".</summary>
    public static string Stamp(Visit visit)
    {
        var unix = visit.StartInstant.ToUnixTimeSeconds();
        var until = visit.HasUntil ? $" until <t:{visit.EndInstant.ToUnixTimeSeconds()}:D>" : "";
        return $"<t:{unix}:{(visit.StartTime is null ? "D" : "F")}>{until} (<t:{unix}:R>)";
    }

    /// <summary>The visit as one person reads it in their zone.</summary>
    public static string Local(Visit visit, DateTimeZone zone)
    {
        var start = visit.StartTime is null ? VisitService.Long(visit.StartsOn) : WithTime.Format(visit.StartInstant.InZone(zone).LocalDateTime);
        return visit.HasUntil ? $"{start} → {VisitService.Long(visit.EndsOn)}" : start;
    }

    public static string Saved(Visit visit, ulong partnerId, VisitService.Where mine, VisitService.Where? theirs)
    {
        var partner = theirs is { ZoneSet: true }
            ? $"for {PairingMessages.Mention(partnerId)} ({theirs.Zone.Id}): **{Local(visit, theirs.Zone)}**"
            : $"{PairingMessages.Mention(partnerId)} hasn't set a time zone, so their Discord shows it in their own time";
        var lines = new List<string>
        {
            $"Saved ✈️ Your next visit{(visit.HasUntil ? $" — {visit.Days} days together" : "")}:",
            $"• for you ({mine.Zone.Id}): **{Local(visit, mine.Zone)}**",
            $"• {partner}",
            $"In Discord's clock: {Stamp(visit)}.",
            $"I've told {PairingMessages.Mention(partnerId)}, and I'll count down in your daily check-ins.",
        };
        if (!mine.ZoneSet)
            lines.Add("You haven't set a time zone, so I read the date in UTC. `/settings timezone` sets yours.");
        return string.Join('\n', lines);
    }

    public static string Shown(Visit visit, VisitService.Where mine, string? line)
    {
        var text = $"✈️ Your next visit: **{Local(visit, mine.Zone)}** — {Stamp(visit)}, set by {PairingMessages.Mention(visit.SetterId)}.";
        if (line is not null) text += $"\n{line}";
        if (!mine.ZoneSet) text += "\nYou haven't set a time zone, so I count in UTC. `/settings timezone` sets yours.";
        return text + "\n`/visit set` changes it; `/visit clear` removes it.";
    }

    public static MessagePayload SetNotice(Visit visit) => new()
    {
        Embeds =
        [
            new Embed
            {
                Title = "✈️ A visit is on the calendar",
                Description = $"{PairingMessages.Mention(visit.SetterId)} set your next visit: {Stamp(visit)}.\n" +
                              "I'll count down in your daily check-in. `/visit show` shows it any time.",
                Color = Color,
            },
        ],
    };

    public static MessagePayload ClearNotice(Visit visit, ulong clearedBy) => new()
    {
        Content = $"{PairingMessages.Mention(clearedBy)} cleared your next visit (<t:{visit.StartInstant.ToUnixTimeSeconds()}:D>). " +
                  "If it has only moved, `/visit set` puts the new date in.",
    };
}
