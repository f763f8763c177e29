using System.Data.Common;

namespace BondBot.Storage;

/// <summary>
/// Opens a connection to BondBot's database, whichever provider holds it (SQLite by default, PostgreSQL at scale).
/// Repositories take this and write their SQL once; what the two dialects cannot share lives in <see cref="SqlDialect"/>.
/// </summary>
public interface IDbConnections
{
    /// <summary>An open connection, set up the way this provider needs (SQLite: foreign keys and a busy timeout).</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Where the data lives, for messages (a file path, or host/port/database; never a password).</summary>
    string Describe { get; }

    SqlDialect Dialect { get; }
}
