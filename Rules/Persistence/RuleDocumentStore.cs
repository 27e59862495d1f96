using System.Text.RegularExpressions;
using IoTStack.Rules.Documents;
using Npgsql;
using NpgsqlTypes;

namespace IoTStack.Rules.Persistence;

/// <summary>
/// Named filter/rule documents in PostgreSQL. A document is compiled before it is saved, so nothing that fails to
/// parse or check ever reaches the Ingest replicas (which reload on the table's NOTIFY).
/// </summary>
public sealed partial class RuleDocumentStore(NpgsqlDataSource dataSource)
{
    /// <summary>The document the seed's single-document HTTP shape (<c>/api/v1/fr</c>) reads and writes.</summary>
    public const string DefaultName = "default";

    public async Task<IReadOnlyList<StoredRuleDocument>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT name, document::text, updated_at FROM rule_documents ORDER BY name");
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>At most <paramref name="take"/> documents named after <paramref name="afterName"/>, by name (the primary key).</summary>
    public async Task<IReadOnlyList<StoredRuleDocument>> PageAsync(string? afterName, int take, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT name, document::text, updated_at FROM rule_documents WHERE ($1::text IS NULL OR name > $1) ORDER BY name LIMIT $2");
        command.Parameters.Add(new() { Value = (object?)afterName ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = take });
        return await ReadAllAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<StoredRuleDocument>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var documents = new List<StoredRuleDocument>();
        while (await reader.ReadAsync(cancellationToken))
        {
            documents.Add(new StoredRuleDocument(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }

        return documents;
    }

    public async Task<StoredRuleDocument?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(d => d.Name == name);

    /// <summary>Creates or replaces; throws <see cref="RuleDocumentException"/> (nothing saved) when the document is invalid.</summary>
    public async Task<StoredRuleDocument> PutAsync(string name, string json, CancellationToken cancellationToken)
    {
        if (!ValidName().IsMatch(name))
        {
            throw new RuleDocumentException([new("name", "1 to 100 letters, digits, '_', '-' or '.'")]);
        }

        RuleDocumentCompiler.Compile(name, json);
        await using var command = dataSource.CreateCommand(
            "INSERT INTO rule_documents (name, document) VALUES ($1, $2) " +
            "ON CONFLICT (name) DO UPDATE SET document = EXCLUDED.document, updated_at = now() RETURNING document::text, updated_at");
        command.Parameters.Add(new() { Value = name });
        command.Parameters.Add(new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoredRuleDocument(name, reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM rule_documents WHERE name = $1");
        command.Parameters.Add(new() { Value = name });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex ValidName();
}
