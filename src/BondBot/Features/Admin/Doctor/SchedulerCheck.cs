using BondBot.Features.Scheduling;
using Microsoft.Extensions.Options;

namespace BondBot.Features.Admin.Doctor;

/// <summary>Whether the scheduler finished a pass within the last two ticks (one late tick can be a long pass; two
/// mean it is stuck or stopped).</summary>
public sealed class SchedulerCheck(CheckInScheduler scheduler, IOptions<SchedulerOptions> options, TimeProvider time) : IDoctorCheck
{
    public int Order => 50;

    public Task<DoctorLine> CheckAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var tick = options.Value.TickInterval;
        if (!options.Value.Enabled)
            return Task.FromResult(DoctorLine.Problem("The scheduler is switched off (Scheduler:Enabled=false): no check-ins or nudges are sent.",
                "Set Scheduler:Enabled=true (or remove it) and restart BondBot."));
        if (scheduler.LastPassCompletedAt is not { } last)
            return Task.FromResult(time.GetUtcNow() - Started < tick * 2
                ? DoctorLine.Fine("The scheduler is starting; its first pass has not finished yet.")
                : DoctorLine.Problem("The scheduler has not finished a single pass since BondBot started.", "Look for \"Scheduler pass failed\" in the log; a database that stays locked is the usual cause."));
        var ago = time.GetUtcNow() - last;
        return Task.FromResult(ago <= tick * 2
            ? DoctorLine.Fine($"The scheduler ran {Ago(ago)} ago (every {Ago(tick)}).")
            : DoctorLine.Problem($"The scheduler last ran {Ago(ago)} ago, though it runs every {Ago(tick)}.",
                "Look for \"Scheduler pass failed\" in the log; restart BondBot if it keeps missing ticks."));
    }

    // When this check was first created is close enough to the start of the process for "is it starting?".
    private DateTimeOffset Started { get; } = time.GetUtcNow();

    private static string Ago(TimeSpan span) => span.TotalSeconds < 90 ? $"{Math.Max(0, (int)span.TotalSeconds)} s" : span.TotalMinutes < 90 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalHours} h";
}
