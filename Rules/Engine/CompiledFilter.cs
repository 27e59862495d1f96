using IoTStack.Rules.Conditions;

namespace IoTStack.Rules.Engine;

/// <summary>A filter ready to run: <see cref="Label"/> names it in metrics and logs ("filter 1").</summary>
public sealed record CompiledFilter(string Label, string Topic, string Subtopic, IReadOnlyList<CompiledFilterStatement> Statements)
{
    /// <summary>The seed appends the subtopic as further levels: <c>house/1</c> + <c>alert/</c> → <c>house/1/alert/</c>.</summary>
    public string OutputTopic(string topic) => topic.TrimEnd('/') + "/" + Subtopic.TrimStart('/');
}

/// <summary><see cref="NewPayload"/> null: forward the original message.</summary>
public sealed record CompiledFilterStatement(ConditionNode Condition, byte[]? NewPayload);
