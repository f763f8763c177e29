namespace BondBot.Hosting;

/// <summary>Process exit codes, documented in the README so operators and supervisors can tell them apart.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>Something BondBot did not expect stopped it (a bug): the log says what; a restart usually helps.</summary>
    public const int Unexpected = 1;
    /// <summary>A setting is missing or malformed, or the database cannot be used by this version.</summary>
    public const int Configuration = 2;
    /// <summary>Discord refused the bot for good (bad token, invalid intents…): restarting will not help.</summary>
    public const int DiscordRefused = 3;
}
