using IoTStack.Contracts.Devices;
using Orleans.Streams;

namespace IoTStack.Api.Devices.Silo;

/// <summary>
/// Live points from the logical device's Orleans memory stream. The stream is keyed by the logical device, so a
/// subscription keeps receiving when another physical device is mapped to it.
/// </summary>
public sealed class OrleansTelemetryFeed(IClusterClient cluster) : ITelemetryFeed
{
    public IObservable<TelemetryPoint> Watch(long logicalUid) => new LiveStream(cluster, logicalUid);

    private sealed class LiveStream(IClusterClient cluster, long logicalUid) : IObservable<TelemetryPoint>
    {
        public IDisposable Subscribe(IObserver<TelemetryPoint> observer)
        {
            var stream = cluster.GetStreamProvider(LiveSeries.ProviderName).GetStream<LiveReading>(LiveSeries.For(logicalUid));
            var handle = stream.SubscribeAsync(
                (reading, _) =>
                {
                    foreach (var point in reading.Points)
                    {
                        observer.OnNext(new TelemetryPoint(reading.LogicalUid, point.PhysicalUid, point.Name, point.Timestamp, point.Value, point.Text, point.CorrelationId));
                    }

                    return Task.CompletedTask;
                },
                error =>
                {
                    observer.OnError(error);
                    return Task.CompletedTask;
                });
            // Registering with the stream's pub-sub is a grain call that can fail (a silo restarting, a timeout under load);
            // the subscriber is told so, instead of waiting on a subscription that will never deliver anything.
            _ = handle.ContinueWith(
                failed => observer.OnError(failed.Exception!.GetBaseException()),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted,
                TaskScheduler.Default);
            return new Subscription(handle);
        }
    }

    /// <summary>Ends the Orleans subscription once it exists, however early the subscriber leaves.</summary>
    private sealed class Subscription(Task<StreamSubscriptionHandle<LiveReading>> handle) : IDisposable
    {
        public void Dispose() => _ = handle.ContinueWith(
            subscribed => subscribed.IsCompletedSuccessfully ? subscribed.Result.UnsubscribeAsync() : Task.CompletedTask,
            TaskScheduler.Default).Unwrap();
    }
}
