using BondBot.FakeDiscord;

namespace BondBot.Tests.EndToEnd.Operators;

/// <summary>Helpers for the operator tests: a server admin, and /admin's sub-commands as a member types them.</summary>
internal static class Admins
{
    /// <summary>A member with Manage Server in the world's guild.</summary>
    public static FakeUser AddAdmin(World world, string name = "dana")
    {
        var admin = world.Fake.AddUser(name);
        world.Guild.AddMember(admin, FakePermissions.DefaultMember | FakePermissions.ManageGuild);
        return admin;
    }

    public static async Task<string> AdminAsync(World world, FakeUser user, string sub, params FakeOption[] options) =>
        World.Text(await world.ReplyAsync(await world.CommandAsync(user, "admin", new FakeOption(sub, 1, null, options))));

    public static Task<string> SwitchAsync(World world, FakeUser admin, string feature, bool on) =>
        AdminAsync(world, admin, "feature", new FakeOption("name", 3, feature), new FakeOption("on", 5, on));
}
