using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace BondBot.Storage;

/// <summary>
/// Opens pooled connections to a PostgreSQL server from <c>Database:ConnectionString</c> (Npgsql's format). Several
/// BondBot processes may point at the same database; see <see cref="PostgresDialect"/> for how they share work.
/// </summary>
public sealed class PostgresConnections : IDbConnections, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _source;

    public PostgresConnections(IOptions<DatabaseOptions> options)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        Describe = $"{builder.Host}:{builder.Port}/{builder.Database}";
        _source = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    public string Describe { get; }

    public SqlDialect Dialect => SqlDialect.Postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default) =>
        await _source.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    public void Dispose() => _source.Dispose();
}
