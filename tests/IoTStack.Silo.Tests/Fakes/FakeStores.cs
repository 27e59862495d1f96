namespace IoTStack.Silo.Tests.Fakes;

/// <summary>
/// The fakes the in-process test cluster's silos resolve. Shared by every test in the collection: each test uses
/// its own device uids (<see cref="NextUid"/>), so tests never see each other's devices.
/// </summary>
public static class FakeStores
{
    private static long _uid = 1000;

    public static InMemoryDeviceStores Devices { get; } = new();

    public static InMemorySeriesStore Series { get; } = new();

    public static RecordingDeviceActivity Activity { get; } = new();

    public static long NextUid() => Interlocked.Increment(ref _uid);
}
