namespace BondBot.FakeDiscord;

/// <summary>Gateway intent bits the fake knows (Gateway §List of Intents).</summary>
internal static class Intents
{
    public const long Guilds = 1 << 0;
    public const long GuildMessages = 1 << 9;
    public const long DirectMessages = 1 << 12;

    /// <summary>Every documented bit; anything else is an invalid intent (close 4013).</summary>
    public const long Known = (1 << 0) | (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 8) | (1 << 9)
        | (1 << 10) | (1 << 11) | (1 << 12) | (1 << 13) | (1 << 14) | (1 << 15) | (1 << 16) | (1 << 20) | (1 << 21) | (1 << 24) | (1 << 25);

    /// <summary>GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT: not enabled for the fake's app, so they close with 4014.</summary>
    public const long Privileged = (1 << 1) | (1 << 8) | (1 << 15);
}
