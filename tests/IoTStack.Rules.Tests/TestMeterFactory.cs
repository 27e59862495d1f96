using System.Diagnostics.Metrics;

namespace IoTStack.Rules.Tests;

/// <summary>An <see cref="IMeterFactory"/> for tests without a host.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        _meters.Add(meter);
        return meter;
    }

    public void Dispose() => _meters.ForEach(m => m.Dispose());
}
