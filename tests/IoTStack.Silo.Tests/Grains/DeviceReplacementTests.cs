using IoTStack.Contracts.Devices;
using IoTStack.Silo.Tests.Fakes;

namespace IoTStack.Silo.Tests.Grains;

[Collection(GrainClusterGroup.Name)]
public sealed class DeviceReplacementTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Replacing_a_sensor_keeps_one_logical_series()
    {
        long broken = FakeStores.NextUid(), replacement = FakeStores.NextUid(), tank = FakeStores.NextUid();
        FakeStores.Devices.AddPhysical(broken, replacement);
        FakeStores.Devices.AddLogical(tank);
        var old = fixture.Grains.GetGrain<IPhysicalDeviceGrain>(broken);
        var fresh = fixture.Grains.GetGrain<IPhysicalDeviceGrain>(replacement);

        var oldMapping = await old.MapToAsync(tank);
        var beforeSwap = Messages.Reading(broken, oldMapping.Start.AddMilliseconds(1), ("level", 10));
        await old.HandleAsync([beforeSwap]);
        var newMapping = await fresh.MapToAsync(tank);
        var afterSwap = Messages.Reading(replacement, newMapping.Start.AddSeconds(1), ("level", 11));
        var strayFromOld = Messages.Reading(broken, newMapping.Start.AddSeconds(2), ("level", 99));
        await fresh.HandleAsync([afterSwap]);
        await old.HandleAsync([strayFromOld]);

        var series = FakeStores.Series.PointsOf(tank);
        Assert.Equal([10d, 11d], series.Select(point => point.Value!.Value));
        Assert.Equal([broken, replacement], series.Select(point => point.PhysicalUid));
        Assert.Null(await old.GetCurrentMappingAsync());
        Assert.Contains(FakeStores.Activity.Unmapped, unmapped => unmapped.CorrelationId == strayFromOld.CorrelationId);
        Assert.All(FakeStores.Activity.Published.Where(message => message.PhysicalUid == replacement),
            message => Assert.Equal(tank, message.LogicalUid));
    }
}
