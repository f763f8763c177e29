namespace BondBot.Discord.Tests.Models;

public sealed class PermissionCalculatorTests
{
    private const ulong Guild = 100, BotRole = 200, OtherRole = 300, Bot = 400;

    private static readonly Role[] Roles =
    [
        new() { Id = Guild, Permissions = Permissions.ViewChannel | Permissions.SendMessages },
        new() { Id = BotRole, Permissions = Permissions.ManageChannels | Permissions.EmbedLinks, Managed = true },
        new() { Id = OtherRole, Permissions = Permissions.AttachFiles },
    ];

    [Fact]
    public void Guild_permissions_are_everyone_and_the_members_roles_together_and_administrator_grants_all()
    {
        Assert.Equal(Permissions.ViewChannel | Permissions.SendMessages | Permissions.ManageChannels | Permissions.EmbedLinks,
            PermissionCalculator.InGuild(Guild, Roles, [BotRole]));
        Assert.Equal((Permissions)ulong.MaxValue,
            PermissionCalculator.InGuild(Guild, [.. Roles, new Role { Id = 500, Permissions = Permissions.Administrator }], [BotRole, 500]));
    }

    [Fact]
    public void Overwrites_apply_everyone_then_roles_together_then_the_member_as_discord_documents()
    {
        var guild = PermissionCalculator.InGuild(Guild, Roles, [BotRole]);
        PermissionOverwrite[] overwrites =
        [
            new() { Id = Guild, Type = OverwriteType.Role, Deny = Permissions.ViewChannel | Permissions.SendMessages },
            new() { Id = BotRole, Type = OverwriteType.Role, Allow = Permissions.ViewChannel, Deny = Permissions.EmbedLinks },
            new() { Id = OtherRole, Type = OverwriteType.Role, Allow = Permissions.SendMessages },   // not the bot's role
            new() { Id = Bot, Type = OverwriteType.Member, Allow = Permissions.EmbedLinks },
        ];

        var inChannel = PermissionCalculator.InChannel(Guild, guild, overwrites, Bot, [BotRole]);

        Assert.Equal(Permissions.ViewChannel | Permissions.ManageChannels | Permissions.EmbedLinks, inChannel);
    }
}
