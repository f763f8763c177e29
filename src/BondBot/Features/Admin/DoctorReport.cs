using System.Text;
using BondBot.Features.Admin.Doctor;
using Microsoft.Extensions.Logging;

namespace BondBot.Features.Admin;

/// <summary><c>/admin doctor</c>: runs every <see cref="IDoctorCheck"/> for one server and writes one line each. A
/// check that fails to run says so (with the reason's kind only) instead of passing.</summary>
public sealed class DoctorReport(IEnumerable<IDoctorCheck> checks, SpacePlaceReader places, ILogger<DoctorReport> logger)
{
    public async Task<string> BuildAsync(ulong guildId, CancellationToken cancellationToken)
    {
        var context = new DoctorContext(guildId, ct => places.ReadAsync(guildId, ct));
        var lines = new List<DoctorLine>();
        foreach (var check in checks.OrderBy(c => c.Order))
        {
            try
            {
                lines.Add(await check.CheckAsync(context, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Doctor check {Check} could not run", check.GetType().Name);
                lines.Add(DoctorLine.Problem($"Could not check {Describe(check)} ({e.GetType().Name}).", "Try again in a minute; if it persists, the log has the details."));
            }
        }
        var problems = lines.Count(l => !l.Ok);
        var text = new StringBuilder(problems == 0 ? "**BondBot doctor: all good** 💚\n" : $"**BondBot doctor: {problems} to fix**\n");
        foreach (var line in lines)
            text.Append(line.Render()).Append('\n');
        return text.ToString().TrimEnd();
    }

    private static string Describe(IDoctorCheck check) => check.GetType().Name.Replace("Check", "", StringComparison.Ordinal).ToLowerInvariant();
}
