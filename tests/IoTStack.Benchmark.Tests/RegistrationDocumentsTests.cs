using IoTStack.Simulator;

namespace IoTStack.Benchmark.Tests;

public sealed class RegistrationDocumentsTests
{
    [Fact]
    public void Every_device_gets_its_own_aliased_create_with_the_name_quoted()
    {
        var document = RegistrationDocuments.CreatePhysical(["sim-00000", "odd \"name\""]);

        Assert.StartsWith("mutation {", document, StringComparison.Ordinal);
        Assert.Contains("d0: createPhysicalDevice(input: {source: \"mqtt\", name: \"sim-00000\"}) { uid }", document, StringComparison.Ordinal);
        Assert.Contains("d1: createPhysicalDevice(input: {source: \"mqtt\", name: \"odd \\u0022name\\u0022\"}) { uid }", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_are_issued_per_device_and_logical_devices_made_only_when_asked()
    {
        var mapped = RegistrationDocuments.IssueTokens([41, 42], mapToLogical: true);
        var unmapped = RegistrationDocuments.IssueTokens([41, 42], mapToLogical: false);

        Assert.Contains("l1: createLogicalDeviceFromPhysical(physicalUid: 42) { uid }", mapped, StringComparison.Ordinal);
        Assert.Contains("t1: issueDeviceToken(physicalUid: 42, description: \"simulator\") { token }", mapped, StringComparison.Ordinal);
        Assert.DoesNotContain("createLogicalDeviceFromPhysical", unmapped, StringComparison.Ordinal);
        Assert.Contains("t0: issueDeviceToken(physicalUid: 41", unmapped, StringComparison.Ordinal);
    }
}
