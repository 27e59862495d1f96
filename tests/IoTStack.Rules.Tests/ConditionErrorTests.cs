using IoTStack.Rules.Conditions;

namespace IoTStack.Rules.Tests;

/// <summary>Every way a condition is refused, with the column and the message a user sees.</summary>
public sealed class ConditionErrorTests
{
    [Theory]
    [InlineData("", 1, "the condition is empty")]
    [InlineData("   ", 1, "the condition is empty")]
    [InlineData("$temperature <", 15, "expected a variable or a value but found the end of the condition")]
    [InlineData("$temperature < < 3", 16, "expected a variable or a value but found '<'")]
    [InlineData("$temperature = 3", 14, "'=' is not a comparison; use '=='")]
    [InlineData("! $alarm", 1, "'!' is not an operator; use 'not' or '!='")]
    [InlineData("$temperature < 3 and", 21, "expected a variable or a value but found the end of the condition")]
    [InlineData("( $temperature < 3", 19, "expected ')' to close the '(' at column 1, found the end of the condition")]
    [InlineData("$temperature < 3 )", 18, "unexpected ')'; expected 'and', 'or' or the end")]
    [InlineData("$a < 3 $b > 2", 8, "unexpected '$b'; expected 'and', 'or' or the end")]
    [InlineData("temperature < 3", 1, "unknown word 'temperature' (variables start with $, strings are quoted)")]
    [InlineData("$ < 3", 1, "'$' must be followed by a variable name")]
    [InlineData("$inside..temperature < 3", 1, "'$inside..temperature' has an empty level; write $parent.child")]
    [InlineData("$name == 'north", 10, "the string is not closed")]
    [InlineData("1 < $a < 3", 8, "chained comparisons are not supported; join two comparisons with 'and'")]
    [InlineData("( $a ) < 3", 8, "a parenthesised condition cannot be compared; compare values")]
    [InlineData("$a < 3x", 6, "'3x' is not a number (variables start with $)")]
    [InlineData("$a < 1.2.3", 6, "'1.2.3' is not a number")]
    [InlineData("$a ; 3", 4, "unexpected character ';'")]
    [InlineData("$a.b.c.d.e.f.g.h.i > 1", 1, "'$a.b.c.d.e.f.g.h.i' has more than 8 levels")]
    public void Syntax_errors_name_the_column_and_the_problem(string condition, int column, string reason)
    {
        var error = Assert.Throws<ConditionSyntaxException>(() => ConditionParser.Parse(condition));

        Assert.Equal((column, reason), (error.Column, error.Reason));
    }

    [Fact]
    public void Nesting_is_bounded_so_evaluation_cost_is_bounded()
    {
        var deep = new string('(', 40) + "$a > 1" + new string(')', 40);

        var error = Assert.Throws<ConditionSyntaxException>(() => ConditionParser.Parse(deep));

        Assert.Equal("the condition nests deeper than 32 levels", error.Reason);
    }

    [Fact]
    public void Length_is_bounded() =>
        Assert.Throws<ConditionSyntaxException>(() => ConditionParser.Parse(string.Join(" or ", Enumerable.Repeat("$a > 1", 400))));

    [Theory]
    [InlineData("$temperature > 'hot'", "int", 14, "'$temperature' is int (payload_type) and can never be compared with \"hot\"")]
    [InlineData("$temperature == true", "float", 14, "'$temperature' is float (payload_type) and can never be compared with true")]
    [InlineData("$name > 3", "str", 7, "'$name' is str (payload_type) and can never be compared with 3")]
    [InlineData("$alarm > false", "bool", 8, "booleans can only be compared with == or !=")]
    [InlineData("$temperature and $humidity > 3", "int", 1, "'$temperature' is int (payload_type), not a condition on its own; compare it, e.g. '$temperature > 0'")]
    [InlineData("$heart-rate == 36.6", "int", 13, "'$heart-rate' is int (payload_type) and can never equal 36.6")]
    public void Conditions_a_payload_type_can_never_satisfy_are_refused(string condition, string payloadType, int column, string reason)
    {
        Assert.True(PayloadTypes.TryParse(payloadType, out var type));

        var error = Assert.Throws<ConditionSyntaxException>(() => ShapeChecker.Check(ConditionParser.Parse(condition), type));

        Assert.Equal((column, reason), (error.Column, error.Reason));
    }

    [Theory]
    [InlineData("$temperature > 35 or $humidity > 85", "int")]
    [InlineData("$body-temperature > 38", "float")]
    [InlineData("$name == 'x' and not $name == 'y'", "str")]
    [InlineData("$alarm and $alarm != false", "bool")]
    public void Conditions_that_fit_the_payload_type_are_accepted(string condition, string payloadType)
    {
        Assert.True(PayloadTypes.TryParse(payloadType, out var type));

        ShapeChecker.Check(ConditionParser.Parse(condition), type);
    }
}
