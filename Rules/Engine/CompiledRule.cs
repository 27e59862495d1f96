using IoTStack.Rules.Conditions;

namespace IoTStack.Rules.Engine;

/// <summary>A rule ready to run: its statements (each with a memory slot) and its logic entries.</summary>
public sealed record CompiledRule(string Label, IReadOnlyList<CompiledRuleStatement> Statements, IReadOnlyList<CompiledLogic> Logic);

/// <summary><see cref="Slot"/> indexes the document's memory of messages meeting this statement.</summary>
public sealed record CompiledRuleStatement(string Id, string Topic, ConditionNode Condition, int Slot);

/// <summary>
/// <see cref="Operations"/> reads <c>$id</c> through the memory; <see cref="NewTopic"/> already carries the
/// <c>!</c> prefix; <see cref="NewPayload"/> null: publish the contributing messages.
/// </summary>
public sealed record CompiledLogic(ConditionNode Operations, string NewTopic, byte[]? NewPayload, IReadOnlyDictionary<string, int> SlotsById);
