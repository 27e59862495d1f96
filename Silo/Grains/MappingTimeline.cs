using IoTStack.Contracts.Devices;

namespace IoTStack.Silo.Grains;

/// <summary>A physical device's mapping history, answering "which logical device was mapped at this time?".</summary>
public sealed class MappingTimeline
{
    private readonly DeviceMapping[] _history;

    public MappingTimeline(IEnumerable<DeviceMapping> history)
    {
        // Newest first: almost every message belongs to the current or the previous mapping.
        _history = history.OrderByDescending(mapping => mapping.Start).ToArray();
    }

    public static MappingTimeline Empty { get; } = new([]);

    public IReadOnlyList<DeviceMapping> History => _history.Reverse().ToArray();

    public DeviceMapping? Current => _history.Length > 0 && _history[0].IsOpen ? _history[0] : null;

    public DeviceMapping? At(DateTimeOffset time) => Array.Find(_history, mapping => mapping.Covers(time));
}
