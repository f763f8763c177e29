namespace BondBot.Features.Admin.Doctor;

/// <summary>The bot's permissions where spaces are created: Manage Channels to create them, and View, Send, Embed,
/// Attach and History to post reveals and cards in them.</summary>
public sealed class SpacePermissionsCheck : IDoctorCheck
{
    public int Order => 10;

    public async Task<DoctorLine> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var place = await context.PlaceAsync(cancellationToken);
        if (place.CategoryMissing)
            return DoctorLine.Fine("Permissions for spaces: checked once the space category exists again (see below).");
        var where = place.CategoryId is null ? "in this server" : $"in the space category <#{place.CategoryId}>";
        var missing = place.Missing;
        return missing.Count == 0
            ? DoctorLine.Fine($"BondBot has everything it needs for private spaces {where}.")
            : DoctorLine.Problem($"BondBot is missing {string.Join(", ", missing)} {where}.",
                place.CategoryId is null
                    ? $"Server Settings → Roles → BondBot's role: turn on {string.Join(", ", missing)}."
                    : $"Edit the category → Permissions → add BondBot's role (or BondBot) and allow {string.Join(", ", missing)}; also check BondBot's role in Server Settings → Roles.");
    }
}
