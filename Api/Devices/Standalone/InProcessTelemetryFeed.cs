using System.Collections.Concurrent;

namespace IoTStack.Api.Devices.Standalone;

/// <summary>
/// A fan-out of points to the subscriptions of each logical device inside this process. Without a Silo nothing
/// publishes; tests publish directly. (System.Reactive is not among our packages, so this small subject is ours.)
/// </summary>
public sealed class InProcessTelemetryFeed : ITelemetryFeed
{
    private readonly ConcurrentDictionary<long, ImmutableObserverList> observers = new();

    public IObservable<TelemetryPoint> Watch(long logicalUid) => new WatchedDevice(this, logicalUid);

    /// <summary>How many subscriptions watch the device: a readiness signal for whoever publishes.</summary>
    public int WatcherCount(long logicalUid) => observers.TryGetValue(logicalUid, out var list) ? list.Items.Count : 0;

    public void Publish(TelemetryPoint point)
    {
        if (observers.TryGetValue(point.LogicalUid, out var list))
        {
            foreach (var observer in list.Items)
            {
                observer.OnNext(point);
            }
        }
    }

    private Unsubscriber Subscribe(long logicalUid, IObserver<TelemetryPoint> observer)
    {
        observers.AddOrUpdate(logicalUid, _ => new([observer]), (_, list) => new([.. list.Items, observer]));
        return new Unsubscriber(() => observers.AddOrUpdate(logicalUid, _ => new([]), (_, list) => new([.. list.Items.Where(o => o != observer)])));
    }

    private sealed record ImmutableObserverList(IReadOnlyList<IObserver<TelemetryPoint>> Items);

    private sealed class WatchedDevice(InProcessTelemetryFeed feed, long logicalUid) : IObservable<TelemetryPoint>
    {
        public IDisposable Subscribe(IObserver<TelemetryPoint> observer) => feed.Subscribe(logicalUid, observer);
    }

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
