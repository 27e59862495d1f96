namespace IoTStack.Rules.Conditions;

/// <summary>Where each kind of lexeme ends, and what a bare word means; used by <see cref="ConditionTokeniser"/>.</summary>
internal static class ConditionLexemes
{
    public static int EndOfVariable(string s, int i)
    {
        var end = i + 1;
        while (end < s.Length && (char.IsAsciiLetterOrDigit(s[end]) || s[end] is '_' or '-' or '.'))
        {
            end++;
        }

        var path = s[(i + 1)..end];
        if (path.Length == 0)
        {
            throw new ConditionSyntaxException(i + 1, "'$' must be followed by a variable name");
        }

        if (path.Split('.') is { } segments && segments.Any(segment => segment.Length == 0))
        {
            throw new ConditionSyntaxException(i + 1, $"'${path}' has an empty level; write $parent.child");
        }

        return end;
    }

    public static int EndOfString(string s, int i)
    {
        var quote = s[i];
        for (var end = i + 1; end < s.Length; end++)
        {
            if (s[end] == '\\')
            {
                end++;
            }
            else if (s[end] == quote)
            {
                return end + 1;
            }
        }

        throw new ConditionSyntaxException(i + 1, "the string is not closed");
    }

    public static int EndOfComparison(string s, int i)
    {
        var twoChars = i + 1 < s.Length && s[i + 1] == '=';
        return (s[i], twoChars) switch
        {
            (_, true) => i + 2,
            ('<' or '>', false) => i + 1,
            ('=', false) => throw new ConditionSyntaxException(i + 1, "'=' is not a comparison; use '=='"),
            _ => throw new ConditionSyntaxException(i + 1, "'!' is not an operator; use 'not' or '!='"),
        };
    }

    public static int EndOfNumber(string s, int i)
    {
        var end = i + 1;
        while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] is '.' or 'e' or 'E' ||
            (s[end] is '+' or '-' && s[end - 1] is 'e' or 'E')))
        {
            end++;
        }

        if (end < s.Length && (char.IsAsciiLetter(s[end]) || s[end] == '_'))
        {
            throw new ConditionSyntaxException(i + 1, $"'{s[i..(end + 1)]}' is not a number (variables start with $)");
        }

        return end;
    }

    public static int EndOfWord(string s, int i)
    {
        var end = i;
        while (end < s.Length && (char.IsAsciiLetterOrDigit(s[end]) || s[end] is '_' or '-' or '.'))
        {
            end++;
        }

        return end;
    }

    public static TokenKind WordKind(string word, int column) => word.ToUpperInvariant() switch
    {
        "AND" => TokenKind.And,
        "OR" => TokenKind.Or,
        "NOT" => TokenKind.Not,
        "TRUE" or "FALSE" => TokenKind.Boolean,
        _ => throw new ConditionSyntaxException(column, $"unknown word '{word}' (variables start with $, strings are quoted)"),
    };
}
