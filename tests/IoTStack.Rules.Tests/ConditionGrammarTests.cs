using System.Text.Json;
using IoTStack.Rules.Conditions;

namespace IoTStack.Rules.Tests;

/// <summary>The condition language, one row per construct: what it means on a payload.</summary>
public sealed class ConditionGrammarTests
{
    private const string House = """{"h_id":2,"inside":{"temperature":15,"humidity":60},"temperature":8,"wind_speed":34,"name":"north","alarm":true}""";

    [Theory]
    // comparisons on numbers, both sides, negative and fractional literals
    [InlineData("$temperature < 10", true)]
    [InlineData("$temperature <= 8", true)]
    [InlineData("$temperature > 8", false)]
    [InlineData("$temperature >= 8", true)]
    [InlineData("$temperature == 8", true)]
    [InlineData("$temperature != 8", false)]
    [InlineData("7.5 < $temperature", true)]
    [InlineData("$temperature > -5", true)]
    [InlineData("$temperature == 8.0", true)]
    [InlineData("$temperature < 1e1", true)]
    // $parent.child
    [InlineData("$inside.temperature < 20", true)]
    [InlineData("$inside.humidity >= 60", true)]
    // strings (either quote), booleans (Python's True too), bare boolean variables
    [InlineData("$name == 'north'", true)]
    [InlineData("$name == \"south\"", false)]
    [InlineData("$name != 'south'", true)]
    [InlineData("$name < 'p'", true)]
    [InlineData("$alarm == true", true)]
    [InlineData("$alarm == False", false)]
    [InlineData("$alarm", true)]
    [InlineData("not $alarm", false)]
    // and / or / not, precedence (not > and > or), parentheses, case of keywords
    [InlineData("( $inside.temperature < 20 and $inside.humidity >= 60 ) or $temperature < 5", true)]
    [InlineData("$temperature < 5 or $inside.temperature < 20 and $inside.humidity > 60", false)]
    [InlineData("( $temperature < 5 or $inside.temperature < 20 ) and $inside.humidity >= 60", true)]
    [InlineData("not $temperature > 10 and $wind_speed == 34", true)]
    [InlineData("not ( $temperature < 10 or $wind_speed > 100 )", false)]
    [InlineData("$temperature<10 AND($wind_speed==34)", true)]
    // spaces are optional where unambiguous
    [InlineData("$inside.temperature<20", true)]
    // missing variables and mixed kinds: as Python would raise, no match; short-circuit first
    [InlineData("$missing > 1", false)]
    [InlineData("not $missing > 1", false)]
    [InlineData("$inside.missing == 1", false)]
    [InlineData("$temperature < 10 or $missing > 1", true)]
    [InlineData("$temperature > 10 and $missing > 1", false)]
    [InlineData("$name > 5", false)]
    [InlineData("$name == 5", false)]
    [InlineData("$name != 5", true)]
    [InlineData("$inside == 5", false)]
    public void A_condition_means_what_it_says(string condition, bool expected)
    {
        using var payload = JsonDocument.Parse(House);

        var met = ConditionParser.Parse(condition).IsSatisfiedBy(new JsonPayloadScope(payload.RootElement));

        Assert.Equal(expected, met);
    }

    [Fact]
    public void Hyphenated_names_from_the_seed_are_variables()
    {
        using var payload = JsonDocument.Parse("""{"m_id":1, "body-temperature": 36.6, "heart-rate": 105}""");

        var condition = ConditionParser.Parse("$heart-rate >= 100 and $heart-rate <= 120");

        Assert.True(condition.IsSatisfiedBy(new JsonPayloadScope(payload.RootElement)));
    }

    [Fact]
    public void A_payload_that_is_not_JSON_meets_no_condition_on_variables() =>
        Assert.False(ConditionParser.Parse("$a == 1 or not $a == 1").IsSatisfiedBy(JsonPayloadScope.Empty));
}
