namespace IoTStack.Rules.Documents;

/// <summary>One problem in a document: where (filter/rule, statement, field and column) and what.</summary>
public sealed record RuleDocumentError(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
