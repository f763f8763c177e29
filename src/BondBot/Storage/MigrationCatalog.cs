using System.Reflection;
using System.Text.RegularExpressions;

namespace BondBot.Storage;

/// <summary>Finds the migrations embedded in this assembly and orders them by their number.</summary>
public static partial class MigrationCatalog
{
    private const string ResourcePrefix = "BondBot.Storage.Migrations.";

    /// <summary>PostgreSQL's translations live in a subfolder with the same numbers (one schema, two dialects).</summary>
    public const string PostgresFolder = "Postgres";

    /// <summary>The SQLite migrations (<c>Storage/Migrations/</c>).</summary>
    public static IReadOnlyList<Migration> Load() => Load(typeof(MigrationCatalog).Assembly);

    /// <summary>The migrations of one provider's folder: null for SQLite's, <see cref="PostgresFolder"/> for PostgreSQL's.</summary>
    public static IReadOnlyList<Migration> LoadFolder(string? folder) => Load(typeof(MigrationCatalog).Assembly, folder);

    public static IReadOnlyList<Migration> Load(Assembly assembly, string? folder = null)
    {
        var prefix = folder is null ? ResourcePrefix : ResourcePrefix + folder + ".";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var fileName = resource[prefix.Length..];
            if (folder is null && fileName.StartsWith(PostgresFolder + ".", StringComparison.Ordinal))
                continue;
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
                throw new InvalidOperationException($"Migration resource '{fileName}' is not named NNNN_name.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value), match.Groups[2].Value, reader.ReadToEnd()));
        }
        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3… without gaps; found {migrations[i].Version} at position {i + 1}.");
        }
        return migrations;
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
