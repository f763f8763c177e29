namespace BondBot.Observability;

/// <summary>The "Metrics" section: the Prometheus scrape endpoint, off unless a port is set.</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Port of <c>http://127.0.0.1:{Port}/metrics</c>; null (the default) serves no metrics.</summary>
    public int? Port { get; set; }
}
