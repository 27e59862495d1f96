using IoTStack.IntegrationTests.Ingest;

namespace IoTStack.IntegrationTests.ScaleOut;

/// <summary>Posts each message to /api/v1/telemetry; a message counts once the replica answers 202 Accepted.</summary>
public sealed class HttpFlowingDevice(TestDevice device, long logicalUid, IReadOnlyList<Uri> replicas, int firstReplica, HttpClient http)
    : FlowingDevice(device, logicalUid, replicas, firstReplica)
{
    protected override async Task<bool> TrySendAsync(string payload, CancellationToken stopping)
    {
        try
        {
            using var request = HttpGatewayTests.Post(new Uri(Endpoint, "/api/v1/telemetry").AbsoluteUri, payload, "application/json", Device.Token);
            using var response = await http.SendAsync(request, stopping);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
