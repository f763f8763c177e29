using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.TimeZones;
using TimeZoneConverter;

namespace BondBot.Features.Settings;

/// <summary>
/// The time zones people can choose, found by the names they type. Every place comes from well-kept data, not lists
/// written here: the zones and their countries from tzdb's zone.tab (NodaTime), city names people use from the
/// Rails names TimeZoneConverter maps to IANA zones ("Mumbai", "Eastern Time (US &amp; Canada)"), and abbreviations
/// from the zones' own interval names ("EST", "IST"). Only real places (and UTC) are accepted: an abbreviation or a
/// fixed offset has no daylight saving, so it is answered with the places it likely means.
/// </summary>
public sealed partial class ZoneDirectory
{
    /// <summary>A zone people can choose, with what they might type to find it.</summary>
    public sealed record Place(string ZoneId, string? Country, string? Region, IReadOnlyList<string> Names, IReadOnlySet<string> Abbreviations, int Rank)
    {
        public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[ZoneId];
    }

    /// <summary>What a typed zone turned out to be.</summary>
    public abstract record Lookup
    {
        public sealed record Found(Place Place) : Lookup;
        /// <summary>Not a zone to keep (an abbreviation, an offset, a country with several zones): the likely places.</summary>
        public sealed record Ambiguous(string Why, IReadOnlyList<Place> Places) : Lookup;
        public sealed record Unknown : Lookup;
    }

    // Only the order of suggestions: where one abbreviation or country covers many zones, the zones most people live
    // in come first. Anything not listed follows in zone.tab's own order.
    private static readonly string[] Prominent =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
        "Asia/Kolkata", "Asia/Shanghai",
        "Europe/London", "Europe/Dublin", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam", "Europe/Warsaw",
        "Europe/Lisbon", "Europe/Athens", "Europe/Kyiv", "Europe/Istanbul", "Europe/Moscow",
        "Asia/Tokyo", "Asia/Seoul", "Asia/Singapore", "Asia/Manila", "Asia/Jakarta", "Asia/Karachi", "Asia/Dhaka",
        "Asia/Dubai", "Asia/Jerusalem", "Asia/Tehran", "Asia/Bangkok", "Asia/Ho_Chi_Minh", "Asia/Hong_Kong", "Asia/Taipei",
        "Australia/Sydney", "Australia/Melbourne", "Australia/Brisbane", "Australia/Adelaide", "Australia/Perth", "Pacific/Auckland",
        "America/Toronto", "America/Vancouver", "America/Halifax", "America/St_Johns", "America/Mexico_City", "America/Sao_Paulo",
        "America/Argentina/Buenos_Aires", "America/Bogota", "America/Lima", "America/Santiago",
        "Africa/Lagos", "Africa/Cairo", "Africa/Johannesburg", "Africa/Nairobi", "Africa/Casablanca",
    ];

    public const string UtcId = "UTC";
    private static readonly string[] UtcNames = ["utc", "etc/utc", "etc/universal", "universal", "zulu", "coordinated universal time"];

    private readonly IReadOnlyList<Place> _places;
    private readonly Dictionary<string, Place> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Place> _byCanonical = new(StringComparer.Ordinal);
    private readonly IClock _clock;

    public ZoneDirectory(IClock clock)
    {
        _clock = clock;
        var source = TzdbDateTimeZoneSource.Default;
        var locations = source.ZoneLocations ?? throw new InvalidOperationException("The tzdb data has no zone locations.");
        var canonical = source.CanonicalIdMap;
        var railsByZone = TZConvert.KnownRailsTimeZoneNames
            .GroupBy(name => canonical.TryGetValue(TZConvert.RailsToIana(name), out var id) ? id : "")
            .ToDictionary(g => g.Key, g => g.ToList());
        var now = clock.GetCurrentInstant();
        var places = new List<Place>();
        var order = 0;
        foreach (var location in locations.GroupBy(l => l.ZoneId))
        {
            var first = location.First();
            var zone = DateTimeZoneProviders.Tzdb[first.ZoneId];
            var key = canonical[first.ZoneId];
            // A canonical zone's Rails names go to its own entry, not to every country's link to it.
            var rails = first.ZoneId == key || !locations.Any(l => l.ZoneId == key) ? railsByZone.GetValueOrDefault(key) ?? [] : [];
            var names = new List<string> { Normalize(first.ZoneId), Normalize(City(first.ZoneId)), Normalize(first.CountryName) };
            if (first.Comment is { Length: > 0 } comment) names.Add(Normalize(comment));
            names.AddRange(rails.Select(Normalize));
            var prominent = Array.IndexOf(Prominent, first.ZoneId);
            places.Add(new Place(first.ZoneId, first.CountryName, first.Comment is { Length: > 0 } c ? c : null, names.Distinct().ToList(),
                Abbreviations(zone, now), prominent >= 0 ? prominent : Prominent.Length + order++));
        }
        places.Add(new Place(UtcId, null, "Coordinated Universal Time", UtcNames, new HashSet<string> { "UTC" }, -1));
        _places = places.OrderBy(p => p.Rank).ToList();
        foreach (var place in _places)
        {
            _byId[place.ZoneId] = place;
            var key = place.ZoneId == UtcId ? "Etc/UTC" : canonical[place.ZoneId];
            if (!_byCanonical.TryGetValue(key, out var existing) || place.ZoneId == key || existing.Rank > place.Rank && existing.ZoneId != key)
                _byCanonical[key] = place;
        }
    }

    public IReadOnlyList<Place> Places => _places;

    public Place? Find(string zoneId) => _byId.GetValueOrDefault(zoneId);

    /// <summary>Reads what someone typed as a time zone.</summary>
    public Lookup Resolve(string? typed)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0) return new Lookup.Unknown();
        var normal = Normalize(text);
        if (UtcNames.Contains(normal)) return new Lookup.Found(_byId[UtcId]);
        if (OffsetPattern().Match(text) is { Success: true } match)
            return FromOffset(match, text);
        var id = text.Replace(' ', '_');
        if (_byId.TryGetValue(id, out var exact)) return new Lookup.Found(exact);
        var tzdbId = TzdbIds.GetValueOrDefault(id);
        // Old names and links (Asia/Calcutta, US/Eastern) stand for the place they now point to.
        if (tzdbId is not null && tzdbId.Contains('/') && !tzdbId.StartsWith("Etc/", StringComparison.Ordinal)
            && _byCanonical.TryGetValue(TzdbDateTimeZoneSource.Default.CanonicalIdMap[tzdbId], out var linked))
            return new Lookup.Found(linked);
        if (text.All(char.IsAsciiLetter) && _places.Where(p => p.Abbreviations.Contains(text.ToUpperInvariant())).ToList() is { Count: > 0 } abbreviated)
            return new Lookup.Ambiguous($"`{text.ToUpperInvariant()}` is an abbreviation, and a zone written that way doesn't follow daylight saving where you live. Pick your place:", abbreviated);
        var named = _places.Where(p => p.Names.Contains(normal)).ToList();
        if (named.Count == 1) return new Lookup.Found(named[0]);
        if (named.Count > 1) return new Lookup.Ambiguous($"`{text}` has more than one time zone. Pick yours:", named);
        // A tzdb name that is not a place (EST5EDT, Etc/GMT+5, NZ): the places that share its offset now.
        if (tzdbId is not null)
            return Near(DateTimeZoneProviders.Tzdb[tzdbId].GetUtcOffset(_clock.GetCurrentInstant()),
                $"`{text}` isn't a place, so it wouldn't follow daylight saving where you live. Pick your place:");
        return new Lookup.Unknown();
    }

    private static readonly Dictionary<string, string> TzdbIds =
        DateTimeZoneProviders.Tzdb.Ids.ToDictionary(i => i, i => i, StringComparer.OrdinalIgnoreCase);

    /// <summary>Places whose names match what is being typed, best first: whole names, then names or words that start
    /// with it, then names that contain it. With nothing typed, the most common zones.</summary>
    public IReadOnlyList<Place> Search(string? typed, int max)
    {
        var text = Normalize(typed ?? "");
        if (text.Length == 0) return _places.Take(max).ToList();
        var upper = text.ToUpperInvariant();
        return _places
            .Select(p => (Place: p, Score: Score(p, text, upper)))
            .Where(x => x.Score < int.MaxValue)
            .OrderBy(x => x.Score).ThenBy(x => x.Place.Rank)
            .Take(max).Select(x => x.Place).ToList();
    }

    /// <summary>"Asia/Kolkata — India · UTC+5:30 · 17:24": the place, its offset now and its local time now.</summary>
    public string Describe(Place place)
    {
        var now = _clock.GetCurrentInstant().InZone(place.Zone);
        var where = place.Country is null ? place.Region : place.Region is null ? place.Country : $"{place.Country}, {place.Region}";
        return Discord.DiscordLimits.Truncate($"{place.ZoneId} — {where} · {FormatOffset(now.Offset)} · {now.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)}", 100);
    }

    public string LocalTimeNow(Place place) =>
        _clock.GetCurrentInstant().InZone(place.Zone).TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string FormatOffset(Offset offset)
    {
        var span = offset.ToTimeSpan();
        var sign = span < TimeSpan.Zero ? "-" : "+";
        span = span.Duration();
        return span.Minutes == 0 ? $"UTC{sign}{span.Hours}" : $"UTC{sign}{span.Hours}:{span.Minutes:00}";
    }

    private static int Score(Place place, string text, string upper)
    {
        if (place.Abbreviations.Contains(upper)) return 1;
        var best = int.MaxValue;
        foreach (var name in place.Names)
        {
            if (name == text) return 0;
            if (name.StartsWith(text, StringComparison.Ordinal)) best = Math.Min(best, 2);
            else if (name.Split(' ', '/', '(', '-').Any(word => word.StartsWith(text, StringComparison.Ordinal))) best = Math.Min(best, 3);
            else if (name.Contains(text, StringComparison.Ordinal)) best = Math.Min(best, 4);
        }
        return best;
    }

    private Lookup FromOffset(Match match, string text)
    {
        var sign = match.Groups["sign"].Value is "-" or "−" ? -1 : 1;
        // In tzdb's Etc/GMT+5 the sign is inverted: it means five hours behind UTC.
        if (match.Groups["etc"].Success) sign = -sign;
        var minutes = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) * 60
                      + (match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0);
        if (minutes > 14 * 60) return new Lookup.Unknown();
        return Near(NodaTime.Offset.FromSeconds(sign * minutes * 60),
            $"`{text}` is a fixed offset: it never moves for daylight saving, so your check-in could drift by an hour. Pick your place:");
    }

    private Lookup Near(Offset offset, string why)
    {
        var now = _clock.GetCurrentInstant();
        var places = _places.Where(p => p.ZoneId != UtcId && p.Zone.GetUtcOffset(now) == offset).ToList();
        if (offset == NodaTime.Offset.Zero) places.Insert(0, _byId[UtcId]);
        return places.Count == 0 ? new Lookup.Unknown() : new Lookup.Ambiguous(why, places);
    }

    // Abbreviations this zone uses now and half a year from now (standard and daylight time); numeric ones ("+05") are not names.
    private static HashSet<string> Abbreviations(DateTimeZone zone, Instant now) =>
        new[] { now, now + Duration.FromDays(182) }
            .Select(at => zone.GetZoneInterval(at).Name)
            .Where(name => name.Length > 0 && char.IsAsciiLetter(name[0]))
            .ToHashSet(StringComparer.Ordinal);

    private static string City(string zoneId) => zoneId[(zoneId.LastIndexOf('/') + 1)..];

    private static string Normalize(string text) => text.Trim().Replace('_', ' ').ToLowerInvariant();

    [GeneratedRegex(@"^(?:(?<etc>Etc/GMT)|UTC|GMT)?\s*(?<sign>[+\-−])\s*(?<h>\d{1,2})(?::?(?<m>\d{2}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OffsetPattern();
}
