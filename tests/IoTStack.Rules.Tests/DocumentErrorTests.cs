using IoTStack.Rules.Documents;

namespace IoTStack.Rules.Tests;

/// <summary>A document is refused as a whole, with every problem named by filter or rule, statement and column.</summary>
public sealed class DocumentErrorTests
{
    [Theory]
    [InlineData("""{"filters": [{"topic": "house/#", "subtopic": "alert/", "statements": [{"condition": "$a > 1", "new_payload": ""}, {"condition": "$a >", "new_payload": ""}]}], "rules": []}""",
        "filter 1 (house/#), statement 2, condition column 5: expected a variable or a value but found the end of the condition")]
    [InlineData("""{"filters": [{"topic": "house/#/x", "subtopic": "alert/", "statements": [{"condition": "$a > 1"}]}]}""",
        "filter 1 (house/#/x): topic must be an MQTT topic filter (levels separated by '/', '+' and a final '#' allowed)")]
    [InlineData("""{"filters": [{"topic": "house/#", "subtopic": "a/+", "statements": [{"condition": "$a > 1"}]}]}""",
        "filter 1 (house/#): subtopic is required and may not contain '+' or '#'")]
    [InlineData("""{"filters": [{"topic": "house/#", "subtopic": "alert", "statements": []}]}""",
        "filter 1 (house/#): statements must list at least one condition")]
    [InlineData("""{"rules": [{"statements": [{"id": 1, "topic": "m/#", "payload_type": "int", "condition": "$a > 1"}], "logic": [{"operations": "$1 and $7", "new_topic": "x"}]}]}""",
        "rule 1, logic 1, operations column 8: unknown statement '$7'; this rule's statements are $1")]
    [InlineData("""{"rules": [{"statements": [{"id": 1, "topic": "m/#", "payload_type": "int", "condition": "$a > 1"}], "logic": [{"operations": "$1 > 3", "new_topic": "x"}]}]}""",
        "rule 1, logic 1, operations column 4: operations combine statements ($id) with and, or, not and parentheses; comparisons belong in statements")]
    [InlineData("""{"rules": [{"statements": [{"id": 1, "topic": "m/#", "payload_type": "int", "condition": "$a > 'x'"}], "logic": [{"operations": "$1", "new_topic": "x"}]}]}""",
        "rule 1, statement 1 (id 1), condition column 4: '$a' is int (payload_type) and can never be compared with \"x\"")]
    [InlineData("""{"rules": [{"statements": [{"id": 1, "topic": "m/#", "payload_type": "double", "condition": "$a > 1"}], "logic": [{"operations": "$1", "new_topic": "x"}]}]}""",
        "rule 1, statement 1 (id 1): payload_type must be int, float, str or bool, not 'double'")]
    [InlineData("""{"rules": [{"statements": [{"id": 1, "topic": "m/#", "payload_type": "int", "condition": "$a > 1"}], "logic": [{"operations": "$1", "new_topic": "x"}]}, {"statements": [{"id": 1, "topic": "n", "payload_type": "int", "condition": "$b > 1"}], "logic": [{"operations": "$1", "new_topic": "y"}]}]}""",
        "rule 2, statement 1 (id 1): id 1 is used by another statement; ids must be unique in the document")]
    [InlineData("""{"rules": [{"statements": [{"id": 1, "topic": "m/#", "payload_type": "int", "condition": "$a > 1"}], "logic": [{"operations": "$1", "new_topic": "x/#"}]}]}""",
        "rule 1, logic 1: new_topic is required and may not contain '+' or '#'")]
    [InlineData("""{"rules": [{"statements": [], "logic": []}]}""",
        "rule 1: expected an object with at least one statement and one logic entry")]
    public void Errors_name_the_place_and_the_problem(string document, string expected)
    {
        var error = Assert.Throws<RuleDocumentException>(() => RuleDocumentCompiler.Compile("test", document));

        Assert.Contains(expected, error.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        const string document = """{"filters": [{"topic": "a", "subtopic": "b", "statements": [{"condition": "$x >"}, {"condition": "y"}]}]}""";

        var error = Assert.Throws<RuleDocumentException>(() => RuleDocumentCompiler.Compile("test", document));

        Assert.Equal(2, error.Errors.Count);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"filters": 3}""")]
    [InlineData("""{"filters": [{"topic": 5}]}""")]
    public void A_body_that_is_not_a_rule_document_is_refused(string document) =>
        Assert.StartsWith("document", Assert.Throws<RuleDocumentException>(() => RuleDocumentCompiler.Compile("test", document)).Errors[0].Where, StringComparison.Ordinal);

    [Fact]
    public void The_seed_documents_compile() =>
        Assert.All([SeedDocuments.Houses, SeedDocuments.Miners], d => RuleDocumentCompiler.Compile("seed", d));
}
