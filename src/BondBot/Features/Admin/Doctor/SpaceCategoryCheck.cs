using BondBot.Discord;

namespace BondBot.Features.Admin.Doctor;

/// <summary>Whether the category chosen with <c>/space category</c> still exists, and the bot can write there.</summary>
public sealed class SpaceCategoryCheck : IDoctorCheck
{
    public int Order => 20;

    public async Task<DoctorLine> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var place = await context.PlaceAsync(cancellationToken);
        if (place.CategoryId is null)
            return DoctorLine.Fine("No space category chosen: private spaces are created at the top of the channel list (`/space category` picks one).");
        if (place.CategoryMissing)
            return DoctorLine.Problem("The space category chosen for this server was deleted, so private spaces cannot be opened.",
                "Choose a category again with `/space category`.");
        const Permissions write = Permissions.ViewChannel | Permissions.SendMessages;
        return (place.BotPermissions & write) == write
            ? DoctorLine.Fine($"Space category **{place.CategoryName}** exists and BondBot can write there.")
            : DoctorLine.Problem($"Space category **{place.CategoryName}** exists, but BondBot cannot see or write in it.",
                "Edit the category → Permissions → allow BondBot View Channels and Send Messages.");
    }
}
