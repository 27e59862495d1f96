using IoTStack.Contracts;

namespace IoTStack.Silo.Tests.Grains;

/// <summary>Builds normalised messages the way a front end would.</summary>
public static class Messages
{
    public static NormalisedMessage Reading(long physicalUid, DateTimeOffset at, params (string Name, double Value)[] points) =>
        new(Guid.NewGuid(), physicalUid, null, at, points.Select(point => TimeseriesPoint.Number(point.Name, point.Value)).ToArray());
}
