namespace IoTStack.IntegrationTests.ScaleOut;

/// <summary>Devices sending side by side until stopped; what they got acknowledged is the test's ledger.</summary>
public sealed class DeviceFleet(IReadOnlyList<FlowingDevice> devices) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;

    public IReadOnlyList<FlowingDevice> Devices => devices;

    public IReadOnlyList<Acknowledged> Acknowledged => [.. devices.SelectMany(device => device.Acknowledged)];

    public DeviceFleet Start()
    {
        _running = Task.WhenAll(devices.Select(device => Task.Run(() => device.RunAsync(_stop.Token))));
        return this;
    }

    /// <summary>Waits until every device has had <paramref name="count"/> messages acknowledged after <paramref name="moment"/>.</summary>
    public Task<int> EachAcknowledgedAsync(int count, DateTimeOffset moment, TimeSpan timeout) =>
        Silo.Eventually.PollAsync(() => Task.FromResult(devices.Min(device => device.AcknowledgedSince(moment))), least => least >= count, timeout);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var device in devices)
        {
            await device.DisposeAsync();
        }

        _stop.Dispose();
    }
}
