namespace IoTStack.Rules.Documents;

/// <summary>A document that cannot be saved; <see cref="Errors"/> lists every problem found.</summary>
public sealed class RuleDocumentException(IReadOnlyList<RuleDocumentError> errors)
    : Exception(string.Join("; ", errors))
{
    public IReadOnlyList<RuleDocumentError> Errors { get; } = errors;
}
