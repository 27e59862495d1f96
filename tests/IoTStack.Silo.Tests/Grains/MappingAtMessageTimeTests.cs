using IoTStack.Contracts.Devices;
using IoTStack.Silo.Tests.Fakes;

namespace IoTStack.Silo.Tests.Grains;

[Collection(GrainClusterGroup.Name)]
public sealed class MappingAtMessageTimeTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Messages_reach_the_logical_device_mapped_at_their_own_time()
    {
        long physical = FakeStores.NextUid(), first = FakeStores.NextUid(), second = FakeStores.NextUid();
        FakeStores.Devices.AddPhysical(physical);
        FakeStores.Devices.AddLogical(first, second);
        var device = fixture.Grains.GetGrain<IPhysicalDeviceGrain>(physical);

        var toFirst = await device.MapToAsync(first);
        var toSecond = await device.MapToAsync(second);

        var beforeAnyMapping = Messages.Reading(physical, toFirst.Start.AddMinutes(-1), ("level", 1));
        var duringFirst = Messages.Reading(physical, toFirst.Start + ((toSecond.Start - toFirst.Start) / 2), ("level", 2));
        var duringSecond = Messages.Reading(physical, toSecond.Start.AddSeconds(1), ("level", 3));
        // Delivered late and out of order, as a backlog would be: routing follows the message's time, not arrival.
        await device.HandleAsync([duringSecond, beforeAnyMapping, duringFirst]);

        Assert.Equal([duringFirst.CorrelationId], FakeStores.Series.PointsOf(first).Select(point => point.CorrelationId));
        Assert.Equal([duringSecond.CorrelationId], FakeStores.Series.PointsOf(second).Select(point => point.CorrelationId));
        Assert.Contains(FakeStores.Activity.Unmapped, unmapped => unmapped.CorrelationId == beforeAnyMapping.CorrelationId);
    }

    [Fact]
    public async Task Starting_a_mapping_ends_the_open_mappings_of_both_devices_and_keeps_history()
    {
        long physicalA = FakeStores.NextUid(), physicalB = FakeStores.NextUid(), logicalX = FakeStores.NextUid(), logicalY = FakeStores.NextUid();
        FakeStores.Devices.AddPhysical(physicalA, physicalB);
        FakeStores.Devices.AddLogical(logicalX, logicalY);
        var a = fixture.Grains.GetGrain<IPhysicalDeviceGrain>(physicalA);
        var b = fixture.Grains.GetGrain<IPhysicalDeviceGrain>(physicalB);

        await a.MapToAsync(logicalX);
        await b.MapToAsync(logicalY);
        await a.MapToAsync(logicalY); // ends A→X (same physical) and B→Y (same logical)

        Assert.Equal(logicalY, (await a.GetCurrentMappingAsync())?.LogicalUid);
        Assert.Null(await b.GetCurrentMappingAsync());
        Assert.Null(await fixture.Grains.GetGrain<ILogicalDeviceGrain>(logicalX).GetCurrentMappingAsync());
        var historyOfY = await fixture.Grains.GetGrain<ILogicalDeviceGrain>(logicalY).GetMappingHistoryAsync();
        Assert.Equal([physicalB, physicalA], historyOfY.Select(mapping => mapping.PhysicalUid));
        Assert.False(historyOfY[0].IsOpen);
        Assert.Equal(2, (await a.GetMappingHistoryAsync()).Count);
    }

    [Fact]
    public async Task Ending_a_mapping_stops_data_flowing()
    {
        long physical = FakeStores.NextUid(), logical = FakeStores.NextUid();
        FakeStores.Devices.AddPhysical(physical);
        FakeStores.Devices.AddLogical(logical);
        var device = fixture.Grains.GetGrain<IPhysicalDeviceGrain>(physical);
        await device.MapToAsync(logical);

        var ended = await fixture.Grains.GetGrain<ILogicalDeviceGrain>(logical).EndMappingAsync();
        var afterEnd = Messages.Reading(physical, ended!.End!.Value.AddSeconds(1), ("flow", 1));
        await device.HandleAsync([afterEnd]);

        Assert.Empty(FakeStores.Series.PointsOf(logical));
        Assert.Contains(FakeStores.Activity.Unmapped, unmapped => unmapped.CorrelationId == afterEnd.CorrelationId);
        Assert.Contains(await fixture.Grains.GetGrain<IUnmappedDevicesGrain>(0).ListAsync(null), unmapped => unmapped.PhysicalUid == physical);
    }

    [Fact]
    public async Task An_unknown_physical_device_is_rejected()
    {
        var unknown = FakeStores.NextUid();

        var error = await Assert.ThrowsAsync<UnknownDeviceException>(() =>
            fixture.Grains.GetGrain<IPhysicalDeviceGrain>(unknown).HandleAsync([Messages.Reading(unknown, DateTimeOffset.UtcNow, ("x", 1))]));

        Assert.Contains(unknown.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
