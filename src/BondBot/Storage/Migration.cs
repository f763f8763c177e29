namespace BondBot.Storage;

/// <summary>One numbered schema step, read from an embedded <c>Migrations/NNNN_name.sql</c> file.</summary>
public sealed record Migration(int Version, string Name, string Sql);
