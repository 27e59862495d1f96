namespace IoTStack.Rules.Persistence;

/// <summary>A row of <c>rule_documents</c>: the document's JSON text as PostgreSQL normalises it (jsonb).</summary>
public sealed record StoredRuleDocument(string Name, string Json, DateTimeOffset UpdatedAt);
