namespace IoTStack.Rules.Conditions;

public enum TokenKind
{
    Variable,
    Number,
    Quoted,
    Boolean,
    Comparison,
    And,
    Or,
    Not,
    OpenParenthesis,
    CloseParenthesis,
    End,
}
