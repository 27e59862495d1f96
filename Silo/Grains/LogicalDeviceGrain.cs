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

    public async Task AppendAsync(IReadOnlyList<NormalisedMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        var readings = new LiveReading[messages.Count];
        var logical = new NormalisedMessage[messages.Count];
        var points = new List<SeriesPoint>(messages.Count * 4);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var own = message.Timeseries
                .Select(point => new SeriesPoint(point.Name, point.Timestamp ?? message.Timestamp, point.Value, point.Text,
                    message.PhysicalUid, message.CorrelationId))
                .ToArray();
            points.AddRange(own);
            readings[i] = new LiveReading(Uid, message.PhysicalUid, message.CorrelationId, own);
            logical[i] = message.LogicalUid == Uid ? message : message with { LogicalUid = Uid };
        }

        // Both must be durable before the caller acknowledges the messages to RabbitMQ: one batch item each.
        await Task.WhenAll(series.AppendAsync(Uid, points), publisher.PublishAsync(logical));

        activity.LogicalSeen(Uid, messages.Max(message => message.Timestamp));
        foreach (var point in points)
        {
            if (!_latest.TryGetValue(point.Name, out var known) || point.Timestamp >= known.Timestamp)
            {
                _latest[point.Name] = point;
            }
        }

        // The live view is best effort and the points are already durable: the caller's acknowledgement (and with it the
        // device's PUBACK) does not wait for the stream. The task runs on this grain's scheduler and logs its own failure.
        _ = PublishLiveAsync(readings);
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

    private async Task PublishLiveAsync(LiveReading[] readings)
    {
        try
        {
            // One queue entry for all of them (memory streams queue a batch as one message); subscribers still
            // receive one LiveReading per device message.
            await _live!.OnNextBatchAsync(readings);
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
