using BondBot.FakeDiscord;

namespace BondBot.Benchmarks;

/// <summary>How much of Discord's global limit a run used, read from the requests the fake Discord received.</summary>
public static class GlobalLimitShare
{
    /// <summary>Under a sliding one-second window, requests spread over T seconds can number at most limit·T + limit
    /// (one full window at the start), so the share of the limit is (N − limit) / (limit · T). Returns the share and
    /// T, the seconds from the first accepted request to the last.</summary>
    public static (double Share, double Seconds) Of(IReadOnlyList<FakeRequest> requests, int limit)
    {
        var accepted = requests.Where(r => r.Status is >= 200 and < 300).ToList();
        var span = (accepted.Max(r => r.At) - accepted.Min(r => r.At)).TotalSeconds;
        return ((accepted.Count - limit) / (limit * span), span);
    }
}
