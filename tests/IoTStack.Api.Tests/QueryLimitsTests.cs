using IoTStack.Api.Devices;
using IoTStack.Api.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace IoTStack.Api.Tests;

public sealed class QueryLimitsTests
{
    private const string DeepQuery =
        "{ logicalDevices { edges { node { mappingHistory { physicalDevice { mappingHistory { logicalDevice { mappingHistory { physicalDevice { uid } } } } } } } } } }";

    [Fact]
    public async Task A_query_deeper_than_allowed_is_refused_before_it_runs()
    {
        using var schema = new TestSchema(limits => limits.MaxDepth = 5);

        var result = await schema.ExecuteAsync(DeepQuery, TestSchema.User("admin"));

        Assert.False(result.Executed);
        Assert.Equal([ApiErrors.MaxDepthExceeded], TestSchema.Codes(result));
    }

    [Fact]
    public async Task An_IDE_may_read_the_whole_schema_with_deep_type_references_but_not_deeper()
    {
        using var schema = new TestSchema(limits => limits.MaxComplexity = 1000);
        static string SchemaQuery(int ofTypes, string lists = "fields { args") =>
            $"{{ __schema {{ types {{ {lists} {{ type {{ name " + string.Concat(Enumerable.Repeat("ofType { name ", ofTypes)) + new string('}', ofTypes)
            + new string('}', lists.Count(c => c == '{') + 4) + " }";

        var ide = await schema.ExecuteAsync(SchemaQuery(10), TestSchema.User("reader")); // as deep and wide as GraphiQL's
        var deeper = await schema.ExecuteAsync(SchemaQuery(20), TestSchema.User("reader"));
        var reentering = await schema.ExecuteAsync(SchemaQuery(1, "fields { type { fields { type { fields { type { fields { args"), TestSchema.User("reader"));
        var mixed = await schema.ExecuteAsync(SchemaQuery(10).Replace("{ __schema", "{ sources { edges { cursor } } __schema", StringComparison.Ordinal), TestSchema.User("reader"));

        Assert.Null(ide.Errors);
        Assert.Equal([ApiErrors.MaxDepthExceeded], TestSchema.Codes(deeper));
        Assert.Equal([ApiErrors.MaxComplexityExceeded], TestSchema.Codes(reentering));
        Assert.Equal([ApiErrors.MaxDepthExceeded], TestSchema.Codes(mixed));
    }

    [Fact]
    public async Task A_query_more_complex_than_allowed_is_refused_before_it_runs()
    {
        using var schema = new TestSchema(limits => limits.MaxComplexity = 100);

        var result = await schema.ExecuteAsync("{ physicalDevices(first: 200) { edges { node { uid name source } } } }", TestSchema.User("admin"));

        Assert.False(result.Executed);
        Assert.Equal([ApiErrors.MaxComplexityExceeded], TestSchema.Codes(result));
    }

    [Theory]
    [InlineData("{ physicalDevices(first: 501) { edges { cursor } } }")]
    [InlineData("{ logicalDevices(first: 501) { edges { cursor } } }")]
    [InlineData("{ rawMessages(physicalUid: 1, first: 501) { edges { cursor } } }")]
    [InlineData("{ mappingHistory(physicalUid: 1, first: 501) { edges { cursor } } }")]
    [InlineData("{ sources(first: 501) { edges { cursor } } }")]
    [InlineData("{ deadLetters(first: 501) { edges { cursor } } }")]
    [InlineData("{ reportDefinitions(first: 501) { edges { cursor } } }")]
    [InlineData("{ ruleDocuments(first: 501) { edges { cursor } } }")]
    [InlineData("{ users(first: 501) { edges { cursor } } }")]
    [InlineData("{ consumers(first: 501) { edges { cursor } } }")]
    [InlineData("""{ series(logicalUid: 1, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", limit: 100001) { value } }""")]
    public async Task A_page_larger_than_allowed_is_a_PAGE_SIZE_EXCEEDED_error(string query)
    {
        using var schema = new TestSchema();

        var result = await schema.ExecuteAsync(query, TestSchema.User("admin"));

        Assert.Equal([ApiErrors.PageSizeExceeded], TestSchema.Codes(result));
    }

    [Fact]
    public async Task A_request_that_outlives_its_timeout_ends_with_a_TIMEOUT_error_instead_of_hanging()
    {
        using var schema = new TestSchema(
            limits => limits.RequestTimeout = TimeSpan.FromMilliseconds(200),
            services => services.AddSingleton<ILatestValues, NeverAnsweringLatestValues>());
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await schema.ExecuteAsync("{ latest(logicalUid: 1) { name } }", TestSchema.User("reader"));

        Assert.Equal([ApiErrors.Timeout], TestSchema.Codes(result));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
    }

    /// <summary>A grain that never answers: only the request timeout can end the wait.</summary>
    private sealed class NeverAnsweringLatestValues : ILatestValues
    {
        public async Task<IReadOnlyList<LatestValue>> GetAsync(long logicalUid, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }
    }

    [Theory]
    [InlineData("""{ series(logicalUid: 1, from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z") { value } }""")]
    [InlineData("""{ series(logicalUid: 1, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", interval: "1 hour") { value } }""")]
    [InlineData("""{ series(logicalUid: 1, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", interval: "PT0S") { value } }""")]
    [InlineData("{ mappingHistory(physicalUid: 1, logicalUid: 2) { edges { node { isOpen } } } }")]
    [InlineData("""{ physicalDevices(after: "not-a-cursor") { edges { cursor } } }""")]
    [InlineData("""{ sources(after: "not-a-cursor") { edges { cursor } } }""")]
    [InlineData("""{ rawMessages(physicalUid: 1, after: "NDI=") { edges { cursor } } }""")] // "42": a uid cursor, not a raw message's
    [InlineData("""{ deadLetters(after: "bnVsbA==") { edges { cursor } } }""")] // "null"
    [InlineData("""{ reportDefinitions(after: "ImEi") { edges { cursor } } }""")] // the JSON string "a": a name cursor, not an id
    [InlineData("""{ ruleDocuments(after: "NDI=") { edges { cursor } } }""")] // "42": an id cursor, not a name
    public async Task Malformed_arguments_are_BAD_USER_INPUT(string query)
    {
        using var schema = new TestSchema();

        var result = await schema.ExecuteAsync(query, TestSchema.User("admin"));

        Assert.Equal([ApiErrors.BadUserInput], TestSchema.Codes(result));
    }
}
