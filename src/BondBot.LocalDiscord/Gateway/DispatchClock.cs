namespace BondBot.FakeDiscord;

/// <summary>
/// The clock an event starts when it goes out (an interaction's 3-second deadline). Started just before the write to a
/// live connection — the bot can read the event and answer before the write returns, and its answer must find the clock
/// running — and stopped again if that write fails, so an event that waits in the buffer for a resume gets its
/// deadline from the replay. An event that is lost (no session to keep it) is started for good.
/// </summary>
internal sealed record DispatchClock(Action Start, Action Stop);
