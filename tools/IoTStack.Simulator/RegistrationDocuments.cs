using System.Text;
using System.Text.Json;

namespace IoTStack.Simulator;

/// <summary>
/// The GraphQL mutations that register simulated devices, many per document: each field gets an alias (<c>d0</c>,
/// <c>t0</c>, ...) so one round trip carries a whole chunk of devices instead of one request per mutation.
/// </summary>
internal static class RegistrationDocuments
{
    /// <summary>Creates one MQTT physical device per name; answer <c>d{i}.uid</c>.</summary>
    public static string CreatePhysical(IReadOnlyList<string> names)
    {
        var document = new StringBuilder("mutation {");
        for (var i = 0; i < names.Count; i++)
        {
            document.Append($" d{i}: createPhysicalDevice(input: {{source: \"mqtt\", name: {Quote(names[i])}}}) {{ uid }}");
        }

        return document.Append(" }").ToString();
    }

    /// <summary>
    /// Issues a token per device (answer <c>t{i}.token</c>) and, when <paramref name="mapToLogical"/>, gives each a
    /// logical device of its name mapped from now on: the Silo stores points under the logical device only.
    /// </summary>
    public static string IssueTokens(IReadOnlyList<long> physicalUids, bool mapToLogical)
    {
        var document = new StringBuilder("mutation {");
        for (var i = 0; i < physicalUids.Count; i++)
        {
            if (mapToLogical)
            {
                document.Append($" l{i}: createLogicalDeviceFromPhysical(physicalUid: {physicalUids[i]}) {{ uid }}");
            }

            document.Append($" t{i}: issueDeviceToken(physicalUid: {physicalUids[i]}, description: \"simulator\") {{ token }}");
        }

        return document.Append(" }").ToString();
    }

    // A JSON string literal is a valid GraphQL string literal (same escapes).
    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
