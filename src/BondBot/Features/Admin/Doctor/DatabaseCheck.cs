namespace BondBot.Features.Admin.Doctor;

/// <summary>The database's size and its last checkpoint. A write-ahead log far larger than SQLite's automatic
/// checkpoint (about 4 MB) means something keeps a read open and the log cannot be folded back.</summary>
public sealed class DatabaseCheck(OperatorCounts counts, TimeProvider time) : IDoctorCheck
{
    private const long WalTooBig = 64L * 1024 * 1024;

    public int Order => 70;

    public async Task<DoctorLine> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var db = await counts.DatabaseAsync(cancellationToken);
        var checkpoint = db.LastCheckpoint is { } at ? $"last checkpoint {(int)(time.GetUtcNow() - at).TotalMinutes} min ago" : "checkpoints kept by the database server";
        var line = $"Database: {Size(db.Bytes)}, write-ahead log {Size(db.WalBytes)}, {checkpoint}.";
        return db.WalBytes < WalTooBig
            ? DoctorLine.Fine(line)
            : DoctorLine.Problem(line, "Something holds a long read (a backup tool left open?). Stop it, or restart BondBot: it checkpoints on shutdown.");
    }

    private static string Size(long bytes) => bytes < 1024 * 1024 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes / 1024.0 / 1024.0:0.#} MB";
}
