namespace IoTStack.Simulator;

/// <summary>One device's connection to Ingest; <see cref="SendAsync"/> completes when the message is acknowledged.</summary>
public interface IDeviceChannel : IAsyncDisposable
{
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Returns null when accepted, otherwise the error kind (reason code or HTTP status).</summary>
    Task<string?> SendAsync(byte[] payload, CancellationToken cancellationToken);
}
