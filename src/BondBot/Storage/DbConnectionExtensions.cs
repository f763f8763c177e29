using System.Data.Common;

namespace BondBot.Storage;

/// <summary>Transactions begun the same way on every provider (see <see cref="SqlDialect.BeginWriteAsync"/>).</summary>
public static class DbConnectionExtensions
{
    public static Task<DbTransaction> BeginWriteAsync(this DbConnection connection, CancellationToken cancellationToken = default) =>
        SqlDialect.Of(connection).BeginWriteAsync(connection, cancellationToken);

    public static Task<DbTransaction> BeginClaimAsync(this DbConnection connection, CancellationToken cancellationToken = default) =>
        SqlDialect.Of(connection).BeginClaimAsync(connection, cancellationToken);
}
