namespace IoTStack.Rules.Conditions;

/// <summary>One lexeme of a condition; <see cref="Column"/> is 1-based, for error messages.</summary>
public sealed record Token(TokenKind Kind, string Text, int Column)
{
    public override string ToString() => Kind == TokenKind.End ? "the end of the condition" : $"'{Text}'";
}
