using GraphQL.Types;
using IoTStack.Api.Auth;
using IoTStack.Api.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace IoTStack.Api.Tests;

/// <summary>Every operation of the schema against every kind of caller: anonymous, the three roles, and a consumer.</summary>
public sealed class AuthorizationMatrixTests : IClassFixture<AuthorizationMatrixTests.Schema>
{
    private readonly TestSchema schema;

    public AuthorizationMatrixTests(Schema fixture) => schema = fixture.Value;

    /// <summary>Who may use an operation: a minimum role, and whether consumers may too (for their granted devices).</summary>
    public enum Access
    {
        Reader,
        ReaderOrConsumer,
        Operator,
        Admin,
    }

    public static readonly (string Field, string Document, Access Access)[] Operations =
    [
        ("physicalDevices", "{ physicalDevices { edges { node { uid } } } }", Access.Reader),
        ("unmappedPhysicalDevices", "{ unmappedPhysicalDevices { edges { node { uid } } } }", Access.Reader),
        ("physicalDevice", "{ physicalDevice(uid: 1) { uid } }", Access.Reader),
        ("logicalDevices", "{ logicalDevices { edges { node { uid } } } }", Access.Reader),
        ("logicalDevice", "{ logicalDevice(uid: 1) { uid name } }", Access.ReaderOrConsumer),
        ("mappingHistory", "{ mappingHistory(physicalUid: 1) { edges { node { logicalUid } } } }", Access.Reader),
        ("sources", "{ sources { edges { node { name } } } }", Access.Reader),
        ("series", """{ series(logicalUid: 1, from: "2026-01-01T00:00:00Z", to: "2026-01-02T00:00:00Z", interval: "PT1H") { value } }""", Access.ReaderOrConsumer),
        ("seriesTree", "{ seriesTree(logicalUid: 1) { name } }", Access.ReaderOrConsumer),
        ("latest", "{ latest(logicalUid: 1) { name value } }", Access.ReaderOrConsumer),
        ("rawMessages", "{ rawMessages(physicalUid: 1) { edges { node { status } } } }", Access.Reader),
        ("deadLetters", "{ deadLetters { edges { node { id } } } }", Access.Operator),
        ("users", "{ users { edges { node { username } } } }", Access.Admin),
        ("consumers", "{ consumers { edges { node { id } } } }", Access.Admin),
        ("createPhysicalDevice", """mutation { createPhysicalDevice(input: { source: "ttn", name: "n" }) { uid } }""", Access.Operator),
        ("updatePhysicalDevice", """mutation { updatePhysicalDevice(uid: 1, input: { name: "n" }) { uid } }""", Access.Operator),
        ("deletePhysicalDevice", "mutation { deletePhysicalDevice(uid: 1) { uid } }", Access.Operator),
        ("createLogicalDevice", """mutation { createLogicalDevice(input: { name: "n" }) { uid } }""", Access.Operator),
        ("updateLogicalDevice", """mutation { updateLogicalDevice(uid: 1, input: { name: "n" }) { uid } }""", Access.Operator),
        ("deleteLogicalDevice", "mutation { deleteLogicalDevice(uid: 1) { uid } }", Access.Operator),
        ("createLogicalDeviceFromPhysical", "mutation { createLogicalDeviceFromPhysical(physicalUid: 1) { uid } }", Access.Operator),
        ("mapDevices", "mutation { mapDevices(physicalUid: 1, logicalUid: 2) { isOpen } }", Access.Operator),
        ("endMapping", "mutation { endMapping(physicalUid: 1) { isOpen } }", Access.Operator),
        ("issueDeviceToken", "mutation { issueDeviceToken(physicalUid: 1) { token } }", Access.Admin),
        ("revokeDeviceToken", "mutation { revokeDeviceToken(tokenId: 1) }", Access.Admin),
        ("requeueDeadLetter", """mutation { requeueDeadLetter(id: "1") }""", Access.Operator),
        ("addUser", """mutation { addUser(username: "u", password: "long-enough-password", role: "reader") { username } }""", Access.Admin),
        ("removeUser", """mutation { removeUser(username: "u") { username } }""", Access.Admin),
        ("changePassword", """mutation { changePassword(username: "u", password: "another-long-password") { username } }""", Access.Admin),
        ("refreshUserToken", """mutation { refreshUserToken(username: "u") { username } }""", Access.Admin),
        ("disableUserToken", """mutation { disableUserToken(username: "u") { username } }""", Access.Admin),
        ("enableUserToken", """mutation { enableUserToken(username: "u") { username } }""", Access.Admin),
        ("createConsumer", """mutation { createConsumer(name: "c") { apiKey } }""", Access.Admin),
        ("grantConsumer", "mutation { grantConsumer(consumerId: 1, logicalUid: 1) { id } }", Access.Admin),
        ("revokeConsumer", "mutation { revokeConsumer(consumerId: 1) { id } }", Access.Admin),
        ("telemetry", "subscription { telemetry(logicalUid: 1) { value } }", Access.ReaderOrConsumer),
        ("reportDefinitions", "{ reportDefinitions { edges { node { id } } } }", Access.Reader),
        ("reportRun", "{ reportRun(id: 1) { id } }", Access.Reader),
        ("createReportDefinition", """mutation { createReportDefinition(name: "r", logicalUids: [1], cron: "0 6 * * *", timeZone: "UTC", period: "P1D") { id } }""", Access.Operator),
        ("runReport", "mutation { runReport(definitionId: 1) { id } }", Access.Operator),
        ("ruleDocuments", "{ ruleDocuments { edges { node { name document } } } }", Access.Operator),
        ("putRuleDocument", """mutation { putRuleDocument(name: "n", document: "{\"filters\": [], \"rules\": []}") { name } }""", Access.Operator),
        ("deleteRuleDocument", """mutation { deleteRuleDocument(name: "n") { name } }""", Access.Operator),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (field, _, _) in Operations)
        {
            foreach (var caller in new[] { "anonymous", Roles.Reader, Roles.Operator, Roles.Admin, Roles.Consumer })
            {
                data.Add(field, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Operation_is_allowed_exactly_for_the_callers_it_names(string field, string caller)
    {
        var (_, document, access) = Operations.Single(operation => operation.Field == field);
        var principal = caller switch
        {
            "anonymous" => TestSchema.Anonymous,
            Roles.Consumer => TestSchema.Consumer,
            _ => TestSchema.User(caller),
        };

        var result = await schema.ExecuteAsync(document, principal);

        var expected = Expected(access, caller);
        var codes = TestSchema.Codes(result);
        if (expected is null)
        {
            Assert.DoesNotContain(ApiErrors.Unauthenticated, codes);
            Assert.DoesNotContain(ApiErrors.Forbidden, codes);
            Assert.True(result.Executed, $"{field} should execute for {caller}");
        }
        else
        {
            Assert.False(result.Executed, $"{field} must not execute for {caller}");
            Assert.Contains(expected, codes);
        }
    }

    [Fact]
    public void The_matrix_covers_every_root_field()
    {
        var iotSchema = schema.Services.GetRequiredService<IoTStackSchema>();
        iotSchema.Initialize();
        var rootFields = new[] { iotSchema.Query, iotSchema.Mutation!, iotSchema.Subscription! }
            .SelectMany(type => type.Fields.Select(field => field.Name))
            .Order();
        Assert.Equal(rootFields, Operations.Select(operation => operation.Field).Order());
    }

    [Theory]
    [InlineData("{ logicalDevice(uid: 1) { currentPhysicalDevice { uid } } }")]
    [InlineData("{ logicalDevice(uid: 1) { mappingHistory { physicalUid } } }")]
    public async Task Consumers_cannot_reach_physical_devices_through_logical_ones(string document)
    {
        var result = await schema.ExecuteAsync(document, TestSchema.Consumer);

        Assert.False(result.Executed);
        Assert.Contains(ApiErrors.Forbidden, TestSchema.Codes(result));
    }

    private static string? Expected(Access access, string caller) => caller switch
    {
        "anonymous" => ApiErrors.Unauthenticated,
        Roles.Consumer => access == Access.ReaderOrConsumer ? null : ApiErrors.Forbidden,
        _ => Roles.AtLeast(MinimumRole(access)).Contains(caller) ? null : ApiErrors.Forbidden,
    };

    private static string MinimumRole(Access access) => access switch
    {
        Access.Operator => Roles.Operator,
        Access.Admin => Roles.Admin,
        _ => Roles.Reader,
    };

    public sealed class Schema : IDisposable
    {
        public TestSchema Value { get; } = new();

        public void Dispose() => Value.Dispose();
    }
}
