namespace BondBot.Storage;

/// <summary>The database was written by a newer BondBot; running older code on it could corrupt it.</summary>
public sealed class DatabaseTooNewException(int databaseVersion, int codeVersion)
    : Exception($"The database is at schema version {databaseVersion}, but this BondBot only knows versions up to {codeVersion}. " +
                "Run a BondBot release at least as new as the one that last used this database, or restore a backup.")
{
    public int DatabaseVersion { get; } = databaseVersion;
    public int CodeVersion { get; } = codeVersion;
}
