using System.Net.Http.Headers;

namespace IoTStack.Simulator;

/// <summary>POSTs each message to Ingest's HTTP API (CroMFlaG2 to <c>/insert/{device}</c>, the rest to telemetry).</summary>
public sealed class HttpDeviceChannel(SimulatedDevice device, SimulatorOptions options, HttpClient http) : IDeviceChannel
{
    private readonly Uri _target = new(options.Shape == PayloadShape.CroMFlaG2
        ? $"http://{options.Host}:{options.HttpPort}/insert/{device.Name}"
        : $"http://{options.Host}:{options.HttpPort}/api/v1/telemetry");

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<string?> SendAsync(byte[] payload, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(payload) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", device.Token);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
