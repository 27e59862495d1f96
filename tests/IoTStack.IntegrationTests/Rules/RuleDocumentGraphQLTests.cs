using System.Diagnostics;
using System.Net;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL;
using IoTStack.IntegrationTests.Api;
using IoTStack.Testing;
using MQTTnet;
using Xunit.Abstractions;

namespace IoTStack.IntegrationTests.Rules;

/// <summary>
/// Rule documents managed over the Api's GraphQL (operator role), observed where they act: a real MQTT subscriber
/// on Ingest receives the outputs of a document once it is put and stops receiving them once it is deleted.
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class RuleDocumentGraphQLTests(IoTStackFixture fixture, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string Put = "mutation ($name: String, $document: String!) { putRuleDocument(name: $name, document: $document) { name document updatedAt } }";
    private const string Delete = "mutation ($name: String) { deleteRuleDocument(name: $name) { name } }";

    private readonly RulesKit _kit = new(fixture.Stack);
    private readonly string _name = "graphql-" + Guid.NewGuid().ToString("N");
    private readonly string _topic = "gql/" + Guid.NewGuid().ToString("N");
    private ApiClient? _api;
    private IMqttClient? _publisher;
    private MqttRecorder? _subscriber;
    private string? _operator;

    private ApiClient Api => _api!;

    private string Input => _topic + "/in";

    private string Output => _topic + "/in/out";

    /// <summary>Forwards every message with <c>probe == 1</c> on the test's own topic to <c>…/out</c>.</summary>
    private string Document(string condition = "$probe == 1") =>
        $$"""{"filters": [{"topic": "{{_topic}}/+", "subtopic": "out", "statements": [{"condition": "{{condition}}", "new_payload": ""}]}], "rules": []}""";

    public async Task InitializeAsync()
    {
        _api = new ApiClient(fixture.Stack.CreateHttpClient("api"), _kit.Database);
        _operator = await Api.SignInAsync(Roles.Operator);
    }

    [Fact]
    public async Task A_document_put_over_GraphQL_is_applied_by_Ingest_within_a_second_and_listed()
    {
        var (publisher, subscriber) = await ConnectAsync();

        var put = await Api.DataAsync(Put, _operator!, new { name = _name, document = Document() });
        var applied = await _kit.WaitForForwardingAsync(publisher, subscriber, Input, Output);
        var listed = ConnectionPages.Nodes(await Api.PagesAsync(
            "query($first: Int!, $after: String) { ruleDocuments(first: $first, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } }",
            "ruleDocuments", _operator!, first: 100));

        output.WriteLine($"First output {applied.TotalMilliseconds:0} ms after putRuleDocument returned");
        Assert.Equal(_name, put.GetProperty("putRuleDocument").GetProperty("name").GetString());
        Assert.True(applied < TimeSpan.FromSeconds(1), $"applied after {applied}");
        Assert.Contains(listed, document => document.GetProperty("name").GetString() == _name);
    }

    [Fact]
    public async Task Deleting_the_document_over_GraphQL_stops_its_outputs()
    {
        var (publisher, subscriber) = await ConnectAsync();
        await Api.DataAsync(Put, _operator!, new { name = _name, document = Document() });
        await _kit.WaitForForwardingAsync(publisher, subscriber, Input, Output);

        var deleted = await Api.DataAsync(Delete, _operator!, new { name = _name });
        var stopwatch = Stopwatch.StartNew();
        var outputs = await OutputsOfOneMessageAsync(publisher, subscriber);
        while (outputs.Count > 0 && stopwatch.Elapsed < RulesKit.Deadline)
        {
            outputs = await OutputsOfOneMessageAsync(publisher, subscriber);
        }

        output.WriteLine($"Outputs stopped {stopwatch.ElapsedMilliseconds} ms after deleteRuleDocument returned");
        Assert.Equal(_name, deleted.GetProperty("deleteRuleDocument").GetProperty("name").GetString());
        Assert.Empty(outputs);
        Assert.Null(await _kit.Documents.GetAsync(_name, CancellationToken.None));
        var (_, again) = await Api.PostAsync(Delete, _operator, new { name = _name });
        Assert.Equal([ApiErrors.NotFound], ApiClient.ErrorCodes(again));
    }

    [Fact]
    public async Task An_invalid_document_fails_with_INVALID_RULE_DOCUMENT_naming_filter_statement_and_column_and_is_not_saved()
    {
        var (status, body) = await Api.PostAsync(Put, _operator, new { name = _name, document = Document("$probe == 1 and") });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([ApiErrors.InvalidRuleDocument], ApiClient.ErrorCodes(body));
        Assert.Contains($"filter 1 ({_topic}/+), statement 1, condition column 16: expected a variable or a value but found the end of the condition",
            body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Null(await _kit.Documents.GetAsync(_name, CancellationToken.None));
    }

    [Fact]
    public async Task Readers_may_neither_read_nor_change_rule_documents()
    {
        var reader = await Api.SignInAsync(Roles.Reader);

        var (readStatus, read) = await Api.PostAsync("{ ruleDocuments { edges { node { name } } } }", reader);
        var (putStatus, put) = await Api.PostAsync(Put, reader, new { name = _name, document = Document() });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (readStatus, putStatus));
        Assert.Equal([ApiErrors.Forbidden], ApiClient.ErrorCodes(read));
        Assert.Equal([ApiErrors.Forbidden], ApiClient.ErrorCodes(put));
        Assert.Null(await _kit.Documents.GetAsync(_name, CancellationToken.None));
    }

    /// <summary>A publisher on the test's topic and a subscriber to its outputs, with the probe document loaded (for end markers).</summary>
    private async Task<(IMqttClient Publisher, MqttRecorder Subscriber)> ConnectAsync()
    {
        var device = await _kit.DeviceAsync(publish: [_topic + "/+"], subscribe: [_topic + "/+/out"]);
        _publisher = await _kit.ConnectAsync(device);
        _subscriber = await _kit.SubscriberAsync(device, 0, _topic + "/+/out");
        await _kit.AwaitDocumentsLoadedAsync(_publisher, _subscriber);
        return (_publisher, _subscriber);
    }

    private async Task<List<(string Topic, string Payload)>> OutputsOfOneMessageAsync(IMqttClient publisher, MqttRecorder subscriber)
    {
        await RulesKit.PublishAsync(publisher, Input, """{"probe": 1}""");
        return await _kit.OutputsSoFarAsync(publisher, subscriber);
    }

    public Task DisposeAsync() => _kit.Documents.DeleteAsync(_name, CancellationToken.None);

    // xunit calls DisposeAsync first.
    public void Dispose()
    {
        _subscriber?.Dispose();
        _publisher?.Dispose();
        _api?.Dispose();
        _kit.Dispose();
    }
}
