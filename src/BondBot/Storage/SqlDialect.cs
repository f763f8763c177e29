using System.Data.Common;

namespace BondBot.Storage;

/// <summary>
/// The few things SQLite and PostgreSQL cannot say the same way, in one place. Everything else is SQL both accept
/// (<c>ON CONFLICT … DO NOTHING</c>, <c>RETURNING</c>, partial indexes), written once beside the method that runs it.
/// </summary>
public abstract class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new SqliteDialect();
    public static SqlDialect Postgres { get; } = new PostgresDialect();

    /// <summary>The dialect of an open connection, for code that is handed a connection rather than the factory.</summary>
    public static SqlDialect Of(DbConnection connection) => connection is Npgsql.NpgsqlConnection ? Postgres : Sqlite;

    /// <summary>
    /// "is one of the list": SQLite lets Dapper expand <c>IN @list</c> into one parameter per item; Dapper hands
    /// PostgreSQL the whole list as one array parameter instead, which only <c>= ANY(@list)</c> accepts. Pass ids as
    /// <c>long</c> (see <see cref="Ids"/>).
    /// </summary>
    public abstract string In(string parameter);

    /// <summary>"is none of the list" (see <see cref="In"/>).</summary>
    public abstract string NotIn(string parameter);

    /// <summary>Snowflakes for a list parameter, as the signed 64-bit values the columns hold (list items bypass type handlers).</summary>
    public static long[] Ids(IEnumerable<ulong> ids) => ids.Select(id => unchecked((long)id)).ToArray();

    /// <summary>
    /// Begins a write transaction with SQLite's one-writer semantics on both providers: SQLite's <c>BEGIN IMMEDIATE</c>;
    /// on PostgreSQL a transaction that first takes one shared advisory lock, so read-then-write steps (two answers
    /// arriving together, an accept racing a cancel) stay serialised across processes. Claims of shared work use
    /// <see cref="BeginClaimAsync"/> and <see cref="SkipLocked"/> instead, so processes split them in parallel.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken = default);

    /// <summary>Begins a transaction that claims rows with <see cref="SkipLocked"/> (no global write lock on PostgreSQL).</summary>
    public virtual async Task<DbTransaction> BeginClaimAsync(DbConnection connection, CancellationToken cancellationToken = default) =>
        await connection.BeginTransactionAsync(cancellationToken);

    /// <summary>The provider's name as <c>Database:Provider</c> spells it.</summary>
    public abstract string Name { get; }

    /// <summary>Where this provider's migrations are embedded: null for <c>Storage/Migrations/</c>, else a subfolder.</summary>
    public abstract string? MigrationFolder { get; }

    /// <summary>
    /// Appended to a claim's SELECT inside its write transaction: on PostgreSQL, rows another process is claiming right
    /// now are passed over (<c>FOR UPDATE SKIP LOCKED</c>), so N processes split the work; on SQLite the transaction's
    /// write lock already serialises claims and nothing is added.
    /// </summary>
    public abstract string SkipLocked { get; }

    /// <summary>
    /// How long work another process claimed (a prompt claimed or in flight) is left to it before it counts as
    /// abandoned (that process died) and is taken over. SQLite serves one process: whatever a pass left unfinished
    /// belongs to a pass that is over, so it is taken over at once.
    /// </summary>
    public abstract TimeSpan ClaimLease { get; }

    /// <summary>Run on shutdown to leave the store self-contained (SQLite folds its WAL back); null when nothing to do.</summary>
    public abstract string? CheckpointSql { get; }

    /// <summary>How big the store is, its write-ahead log's size (SQLite's; 0 where the server keeps its own) and when
    /// pages last reached the main store (null where that cannot be read without administrator rights).</summary>
    public abstract Task<StoreSize> SizeAsync(DbConnection connection);

    /// <summary>True when the error means "another writer got there first, try again" (busy, serialization, deadlock).</summary>
    public abstract bool IsContention(Exception error);

    /// <summary>True when the database could not be reached or opened at all (a setting or the server is wrong).</summary>
    public abstract bool IsUnavailable(Exception error);

    /// <summary>What to check when the database cannot be opened, as the end of one sentence.</summary>
    public abstract string UnavailableHint { get; }

    /// <summary>Prepares a fresh connection for migrating (SQLite switches the file to WAL).</summary>
    public virtual Task PrepareForMigrationAsync(DbConnection connection) => Task.CompletedTask;

    /// <summary>
    /// Takes the named lock that makes a job run in one process at a time; null when another process holds it and
    /// <paramref name="wait"/> is false. SQLite serves one process, so its lock is always granted.
    /// </summary>
    public abstract Task<IAsyncDisposable?> LockAsync(DbConnection connection, string name, bool wait, CancellationToken cancellationToken = default);

    /// <summary>A stable 64-bit key for a lock name (FNV-1a), the same in every process and release.</summary>
    public static long LockKey(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return unchecked((long)hash);
    }

    protected sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>What <see cref="SqlDialect.SizeAsync"/> reports, for operators.</summary>
public sealed record StoreSize(long Bytes, long WalBytes, DateTimeOffset? LastCheckpoint);
