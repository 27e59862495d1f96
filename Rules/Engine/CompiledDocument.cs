namespace IoTStack.Rules.Engine;

/// <summary>A stored document, parsed and checked once on save (and again on load), ready to evaluate.</summary>
public sealed record CompiledDocument(string Name, string Json, IReadOnlyList<CompiledFilter> Filters, IReadOnlyList<CompiledRule> Rules, int SlotCount);
