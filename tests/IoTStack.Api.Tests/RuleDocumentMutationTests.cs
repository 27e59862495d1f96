using GraphQL;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL;

namespace IoTStack.Api.Tests;

/// <summary>
/// A document is compiled before anything is written, so a refused one never reaches the (here unreachable)
/// database: the error names the filter or rule, the statement and the column, as the engine's compiler does.
/// </summary>
public sealed class RuleDocumentMutationTests : IDisposable
{
    private const string Put = "mutation ($document: String!) { putRuleDocument(name: \"t\", document: $document) { name } }";

    private readonly TestSchema _schema = new();

    public static TheoryData<string, string> InvalidDocuments() => new()
    {
        {
            """{"filters": [{"topic": "house/#", "subtopic": "alert/", "statements": [{"condition": "$inside.temperature <", "new_payload": ""}]}], "rules": []}""",
            "filter 1 (house/#), statement 1, condition column 22: expected a variable or a value but found the end of the condition"
        },
        {
            """{"filters": [], "rules": [{"statements": [{"id": 1, "topic": "a", "payload_type": "int", "condition": "$a > 1"}], "logic": [{"operations": "$1 and $7", "new_topic": "x", "new_payload": ""}]}]}""",
            "rule 1, logic 1, operations column 8: unknown statement '$7'"
        },
        {
            """{"filters": [], "rules": [{"statements": [{"id": 1, "topic": "a", "payload_type": "int", "condition": "$a > 'x'"}], "logic": [{"operations": "$1", "new_topic": "x", "new_payload": ""}]}]}""",
            "rule 1, statement 1 (id 1), condition column 4: '$a' is int (payload_type)"
        },
        { "not json", "document" },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public async Task An_invalid_document_fails_with_INVALID_RULE_DOCUMENT_naming_the_place(string document, string expectedStart)
    {
        var result = await _schema.ExecuteAsync(Put, TestSchema.User(Roles.Operator), new Inputs(new Dictionary<string, object?> { ["document"] = document }));

        var error = Assert.Single(result.Errors!);
        Assert.Equal(ApiErrors.InvalidRuleDocument, error.Code);
        Assert.Contains(": " + expectedStart, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(expectedStart, Assert.IsAssignableFrom<IReadOnlyList<string>>(error.Data["errors"])[0], StringComparison.Ordinal);
    }

    public void Dispose() => _schema.Dispose();
}
