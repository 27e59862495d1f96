namespace IoTStack.Rules.Conditions;

/// <summary>
/// Splits a condition into tokens. Hand-written (no served library parses this small Python-like language): the seed
/// writes tokens separated by spaces, but spaces are optional here wherever the split is unambiguous.
/// Variable names may contain letters, digits, '_' and '-' (the seed's <c>$heart-rate</c>), and '.' between levels.
/// </summary>
public static class ConditionTokeniser
{
    public static List<Token> Tokenise(string condition)
    {
        if (condition.Length > ConditionLimits.MaxLength)
        {
            throw new ConditionSyntaxException(ConditionLimits.MaxLength + 1, $"the condition is longer than {ConditionLimits.MaxLength} characters");
        }

        var tokens = new List<Token>();
        var i = 0;
        while (i < condition.Length)
        {
            var c = condition[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            var kind = c switch
            {
                '(' => TokenKind.OpenParenthesis,
                ')' => TokenKind.CloseParenthesis,
                '$' => TokenKind.Variable,
                '"' or '\'' => TokenKind.Quoted,
                '<' or '>' or '=' or '!' => TokenKind.Comparison,
                _ when char.IsAsciiDigit(c) || (c is '-' or '.' && IsNumberStart(condition, i + 1)) => TokenKind.Number,
                _ when char.IsAsciiLetter(c) => TokenKind.And, // a word; refined below
                _ => throw new ConditionSyntaxException(start + 1, $"unexpected character '{c}'"),
            };
            i = kind switch
            {
                TokenKind.OpenParenthesis or TokenKind.CloseParenthesis => i + 1,
                TokenKind.Variable => ConditionLexemes.EndOfVariable(condition, i),
                TokenKind.Quoted => ConditionLexemes.EndOfString(condition, i),
                TokenKind.Comparison => ConditionLexemes.EndOfComparison(condition, i),
                TokenKind.Number => ConditionLexemes.EndOfNumber(condition, i),
                _ => ConditionLexemes.EndOfWord(condition, i),
            };
            var text = condition[start..i];
            tokens.Add(new Token(kind == TokenKind.And ? ConditionLexemes.WordKind(text, start + 1) : kind, text, start + 1));
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, condition.Length + 1));
        return tokens;
    }

    private static bool IsNumberStart(string condition, int i) => i < condition.Length && (char.IsAsciiDigit(condition[i]) || condition[i] == '.');
}
