using IoTStack.Contracts;
using IoTStack.Contracts.Devices;
using IoTStack.Silo.Publishing;
using IoTStack.Silo.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using Orleans.Streams;

namespace IoTStack.Silo.Grains;

/// <summary>
/// A destination series. Reentrant: its state (latest value per name, newest wins) does not depend on the order in
/// which concurrent appends finish, and the per-silo writer, not the grain, decides how points are batched.
/// </summary>
[Reentrant]
public sealed partial class LogicalDeviceGrain(
    ISeriesStore series, ILogicalTimeseriesPublisher publisher, IMappingStore mappings, IDeviceActivity activity,
    ILogger<LogicalDeviceGrain> logger) : Grain, ILogicalDeviceGrain
{
    private readonly Dictionary<string, SeriesPoint> _latest = new(StringComparer.Ordinal);
    private IAsyncStream<LiveReading>? _live;

    private long Uid => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var point in await series.LoadLatestAsync(Uid, cancellationToken))
        {
            _latest[point.Name] = point;
        }

        _live = this.GetStreamProvider(LiveSeries.ProviderName).GetStream<LiveReading>(LiveSeries.For(Uid));
    }

    public async Task AppendAsync(NormalisedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var points = message.Timeseries
            .Select(point => new SeriesPoint(point.Name, point.Timestamp ?? message.Timestamp, point.Value, point.Text,
                message.PhysicalUid, message.CorrelationId))
            .ToArray();

        // Both must be durable before the caller acknowledges the message to RabbitMQ.
        await Task.WhenAll(series.AppendAsync(Uid, points), publisher.PublishAsync(message with { LogicalUid = Uid }));

        activity.LogicalSeen(Uid, message.Timestamp);
        foreach (var point in points)
        {
            if (!_latest.TryGetValue(point.Name, out var known) || point.Timestamp >= known.Timestamp)
            {
                _latest[point.Name] = point;
            }
        }

        await PublishLiveAsync(new LiveReading(Uid, message.PhysicalUid, message.CorrelationId, points));
    }

    public Task<IReadOnlyList<SeriesPoint>> GetLatestValuesAsync() =>
        Task.FromResult<IReadOnlyList<SeriesPoint>>(_latest.Values.OrderBy(point => point.Name, StringComparer.Ordinal).ToArray());

    public async Task<DeviceMapping?> GetCurrentMappingAsync() =>
        (await mappings.GetLogicalHistoryAsync(Uid)).FirstOrDefault(mapping => mapping.IsOpen);

    public Task<IReadOnlyList<DeviceMapping>> GetMappingHistoryAsync() => mappings.GetLogicalHistoryAsync(Uid);

    public async Task<DeviceMapping?> EndMappingAsync() =>
        await GetCurrentMappingAsync() is { } current
            ? await GrainFactory.GetGrain<IPhysicalDeviceGrain>(current.PhysicalUid).EndMappingAsync()
            : null;

    private async Task PublishLiveAsync(LiveReading reading)
    {
        try
        {
            await _live!.OnNextAsync(reading);
        }
#pragma warning disable CA1031 // The live view is best effort: the points are already stored and delivered.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogLivePublishFailed(logger, exception, Uid);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish a live reading of logical device {LogicalUid}")]
    private static partial void LogLivePublishFailed(ILogger logger, Exception exception, long logicalUid);
}
