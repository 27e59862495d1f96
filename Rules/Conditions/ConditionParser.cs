using System.Globalization;
using System.Text.RegularExpressions;

namespace IoTStack.Rules.Conditions;

/// <summary>
/// Recursive descent over <see cref="ConditionTokeniser"/>'s tokens (hand-written; nothing served parses this
/// language, and a scripting engine would let a rule run arbitrary code). Precedence, loosest first:
/// <c>or</c>, <c>and</c>, <c>not</c>, comparison; parentheses group. Nesting is capped (<see cref="ConditionLimits"/>).
/// <code>
/// condition  := and ('or' and)*
/// and        := unary ('and' unary)*
/// unary      := 'not' unary | '(' condition ')' | operand (op operand)?
/// operand    := $variable | number | 'string' | true | false
/// </code>
/// </summary>
public sealed partial class ConditionParser
{
    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;

    private ConditionParser(string condition) => _tokens = ConditionTokeniser.Tokenise(condition);

    private Token Current => _tokens[_position];

    public static ConditionNode Parse(string condition)
    {
        var parser = new ConditionParser(condition);
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new ConditionSyntaxException(1, "the condition is empty");
        }

        var node = parser.ParseOr();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw new ConditionSyntaxException(parser.Current.Column, $"unexpected {parser.Current}; expected 'and', 'or' or the end");
        }

        return node;
    }

    private ConditionNode ParseOr()
    {
        var left = ParseAnd();
        while (Current is { Kind: TokenKind.Or } or)
        {
            _position++;
            left = new OrNode(left, ParseAnd(), or.Column);
        }

        return left;
    }

    private ConditionNode ParseAnd()
    {
        var left = ParseUnary();
        while (Current is { Kind: TokenKind.And } and)
        {
            _position++;
            left = new AndNode(left, ParseUnary(), and.Column);
        }

        return left;
    }

    private ConditionNode ParseUnary()
    {
        var token = Current;
        if (++_depth > ConditionLimits.MaxNesting)
        {
            throw new ConditionSyntaxException(token.Column, $"the condition nests deeper than {ConditionLimits.MaxNesting} levels");
        }

        try
        {
            switch (token.Kind)
            {
                case TokenKind.Not:
                    _position++;
                    return new NotNode(ParseUnary(), token.Column);
                case TokenKind.OpenParenthesis:
                    _position++;
                    var inner = ParseOr();
                    Expect(TokenKind.CloseParenthesis, $"expected ')' to close the '(' at column {token.Column}");
                    if (Current.Kind == TokenKind.Comparison)
                    {
                        throw new ConditionSyntaxException(Current.Column, "a parenthesised condition cannot be compared; compare values");
                    }

                    return inner;
                default:
                    return ParseComparison();
            }
        }
        finally
        {
            _depth--;
        }
    }

    private ConditionNode ParseComparison()
    {
        var left = ParseOperand();
        if (Current is not { Kind: TokenKind.Comparison } op)
        {
            return new TruthyNode(left);
        }

        _position++;
        var right = ParseOperand();
        if (Current.Kind == TokenKind.Comparison)
        {
            throw new ConditionSyntaxException(Current.Column, "chained comparisons are not supported; join two comparisons with 'and'");
        }

        return new ComparisonNode(left, ComparisonOperators.Parse(op.Text), right, op.Column);
    }

    private OperandNode ParseOperand()
    {
        var token = Current;
        OperandNode operand = token.Kind switch
        {
            TokenKind.Variable => new VariableNode(token.Text[1..], token.Column),
            TokenKind.Number => new LiteralNode(ConditionValue.Of(ParseNumber(token)), token.Column),
            TokenKind.Quoted => new LiteralNode(ConditionValue.Of(Unquote(token.Text)), token.Column),
            TokenKind.Boolean => new LiteralNode(ConditionValue.Of(token.Text.Equals("true", StringComparison.OrdinalIgnoreCase)), token.Column),
            _ => throw new ConditionSyntaxException(token.Column, $"expected a variable or a value but found {token}"),
        };
        if (operand is VariableNode { Path.Count: > ConditionLimits.MaxPathSegments })
        {
            throw new ConditionSyntaxException(token.Column, $"'{token.Text}' has more than {ConditionLimits.MaxPathSegments} levels");
        }

        _position++;
        return operand;
    }

    private void Expect(TokenKind kind, string message)
    {
        if (Current.Kind != kind)
        {
            throw new ConditionSyntaxException(Current.Column, $"{message}, found {Current}");
        }

        _position++;
    }

    private static double ParseNumber(Token token) =>
        double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new ConditionSyntaxException(token.Column, $"'{token.Text}' is not a number");

    private static string Unquote(string quoted) => Escape().Replace(quoted[1..^1], match => match.Value[1..]);

    [GeneratedRegex(@"\\.")]
    private static partial Regex Escape();
}
