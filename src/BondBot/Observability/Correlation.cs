using System.Globalization;
using Microsoft.Extensions.Logging;

namespace BondBot.Observability;

/// <summary>
/// The correlation id of the work running now (an interaction, a scheduler pass, a delivery), carried by the async
/// flow. It travels with the work into the outbox (stored on each row written) so the worker's lines about a delivery
/// can be found beside the lines about what caused it. Log lines get it through logger scopes, never by editing each
/// log call: every provider that shows scopes (the console does) prints it. Ids are opaque tokens — never content.
/// </summary>
public static class Correlation
{
    private static readonly AsyncLocal<string?> Ambient = new();

    /// <summary>The id of the work running on this async flow, or null outside any.</summary>
    public static string? Current => Ambient.Value;

    /// <summary>An interaction's correlation id: derived from its id, so either finds the other.</summary>
    public static string ForInteraction(ulong interactionId) => "i-" + interactionId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A fresh id for work that starts on its own (a scheduler pass).</summary>
    public static string New(string kind) => $"{kind}-{Guid.NewGuid():N}"[..(kind.Length + 13)];

    /// <summary>Starts an interaction's scope: every line logged inside carries its id and correlation id.</summary>
    public static IDisposable BeginInteraction(ILogger logger, ulong interactionId)
    {
        var id = ForInteraction(interactionId);
        return new Scope(id, logger.BeginScope("Interaction {InteractionId} correlation {CorrelationId}", interactionId, id));
    }

    /// <summary>Starts a delivery's scope with the correlation id stored on its row (its own when none was).</summary>
    public static IDisposable BeginDelivery(ILogger logger, long deliveryId, string? correlationId)
    {
        var id = correlationId ?? "o" + deliveryId.ToString(CultureInfo.InvariantCulture);
        return new Scope(id, logger.BeginScope("Delivery {DeliveryId} correlation {CorrelationId}", deliveryId, id));
    }

    /// <summary>Starts a scope for work of its own kind (a scheduler pass).</summary>
    public static IDisposable BeginWork(ILogger logger, string kind)
    {
        var id = New(kind);
        return new Scope(id, logger.BeginScope("Correlation {CorrelationId}", id));
    }

    private sealed class Scope : IDisposable
    {
        private readonly string? _previous;
        private readonly IDisposable? _logScope;

        public Scope(string id, IDisposable? logScope)
        {
            _previous = Ambient.Value;
            Ambient.Value = id;
            _logScope = logScope;
        }

        public void Dispose()
        {
            Ambient.Value = _previous;
            _logScope?.Dispose();
        }
    }
}
