namespace BondBot.Hosting;

/// <summary>
/// Where a background service records why it had to stop the whole host, so the launcher can print one plain
/// sentence and exit with a meaningful code instead of a stack trace.
/// </summary>
public sealed class FatalStop
{
    private string? _reason;
    private int _exitCode;

    public string? Reason => _reason;
    public int ExitCode => _exitCode;

    public void Record(string reason, int exitCode)
    {
        if (Interlocked.CompareExchange(ref _reason, reason, null) is null)
            _exitCode = exitCode;
    }
}
