using BondBot.Features.Memories;
using BondBot.Features.Story;
using BondBot.Interactions;
using BondBot.Storage;
using Dapper;
using NodaTime;

namespace BondBot.Features.Notes;

/// <summary><c>/note</c> notes of the pair for "our story": a later note once it was delivered, a sealed note once it
/// was opened. In a person's own export their own notes still waiting are there too (their words), marked so.</summary>
public sealed class NoteStory(IDbConnections connections) : IStorySource
{
    public StorySection Section => StorySection.Notes;

    private sealed record Row(ulong FromUser, ulong ToUser, string Kind, string? Label, string Text, Instant CreatedAt, Instant DeliverAt, Instant? OpenedAt,
        string? Delivery)
    {
        public bool Delivered => Delivery is not null;
    }

    public async Task<IReadOnlyList<Memory>> ForStoryAsync(StoryRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // "Delivered" is the outbox's word for it, as in the export: the row keyed by the note was sent.
        var rows = await connection.QueryAsync<Row>("""
            SELECT n.from_user AS FromUser, n.to_user AS ToUser, n.kind AS Kind, n.label AS Label, n.text AS Text, n.created_at AS CreatedAt,
                   n.deliver_at AS DeliverAt, n.opened_at AS OpenedAt, o.status AS Delivery
            FROM notes n LEFT JOIN outbox o ON o.delivery_key = 'note:' || n.note_id AND o.status = 'sent'
            WHERE n.pair_id = @pairId ORDER BY n.created_at
            """, new { pairId = request.Pair.PairId });
        return rows.Where(r => r.FromUser == request.ReaderOrNone || Reached(r))
            .Select(r => new Memory(At(r), Title(r, request.Who), Quote.Lines(r.Text) + Waiting(r))).ToList();
    }

    /// <summary>Both have seen it: a later note once delivered, a sealed note once opened (the envelope alone says nothing).</summary>
    private static bool Reached(Row r) => r.Kind == "sealed" ? r.OpenedAt is not null : r.Delivered;

    private static Instant At(Row r) => r.Kind == "sealed" ? r.OpenedAt ?? r.CreatedAt : r.DeliverAt;

    private static string Title(Row r, Func<ulong, string> who) => r.Kind == "sealed"
        ? $"💌 A sealed note from {who(r.FromUser)} to {who(r.ToUser)}, to open when: {StoryMarkdown.Escape(r.Label ?? "")}"
        : $"💌 A note from {who(r.FromUser)} to {who(r.ToUser)}";

    private static string Waiting(Row r) => r switch
    {
        { Kind: "sealed", OpenedAt: null } => "\n\n(Not opened yet.)",
        { Kind: "later", Delivered: false } => "\n\n(Still on its way.)",
        _ => "",
    };
}
