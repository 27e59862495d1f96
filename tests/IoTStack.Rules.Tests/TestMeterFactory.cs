using System.Diagnostics.Metrics;

namespace IoTStack.Rules.Tests;

/// <summary>An <see cref="IMeterFactory"/> for tests without a host.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    /// <summary>Whether this factory made the meter (tests running in parallel each have their own).</summary>
    public bool Made(Meter meter) => _meters.Contains(meter);

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
