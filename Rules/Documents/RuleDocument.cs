using System.Text.Json;

namespace IoTStack.Rules.Documents;

// The seed's fr_script document, field for field (snake_case in JSON). Fields are nullable so that a missing one
// is reported by the compiler with its place, rather than as a bare deserialisation error.

/// <summary><c>{ "filters": [...], "rules": [...] }</c>.</summary>
public sealed record RuleDocument(IReadOnlyList<FilterDefinition?>? Filters, IReadOnlyList<RuleDefinition?>? Rules);

/// <summary>Messages on <see cref="Topic"/> (wildcards allowed) that meet a statement go to <c>{topic}/{subtopic}</c>.</summary>
public sealed record FilterDefinition(string? Topic, string? Subtopic, IReadOnlyList<FilterStatementDefinition?>? Statements);

/// <summary><see cref="NewPayload"/> empty: forward the original message.</summary>
public sealed record FilterStatementDefinition(string? Condition, string? NewPayload);

public sealed record RuleDefinition(IReadOnlyList<RuleStatementDefinition?>? Statements, IReadOnlyList<RuleLogicDefinition?>? Logic);

/// <summary><see cref="Id"/> is a number or a string in the seed's documents; logic refers to it as <c>$id</c>.</summary>
public sealed record RuleStatementDefinition(JsonElement Id, string? Topic, string? PayloadType, string? Condition);

/// <summary>Published to <c>!{new_topic}</c> when <see cref="Operations"/> holds; empty payload: the contributing messages.</summary>
public sealed record RuleLogicDefinition(string? Operations, string? NewTopic, string? NewPayload);
