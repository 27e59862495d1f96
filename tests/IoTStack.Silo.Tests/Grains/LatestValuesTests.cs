using IoTStack.Contracts;
using IoTStack.Contracts.Devices;
using IoTStack.Silo.Tests.Fakes;
using Orleans.Streams;

namespace IoTStack.Silo.Tests.Grains;

[Collection(GrainClusterGroup.Name)]
public sealed class LatestValuesTests(GrainClusterFixture fixture)
{
    [Fact]
    public async Task Latest_value_per_name_is_the_newest_reading_whatever_the_arrival_order()
    {
        long physical = FakeStores.NextUid(), logical = FakeStores.NextUid();
        FakeStores.Devices.AddPhysical(physical);
        FakeStores.Devices.AddLogical(logical);
        var device = fixture.Grains.GetGrain<IPhysicalDeviceGrain>(physical);
        var mapping = await device.MapToAsync(logical);
        var t = mapping.Start.AddSeconds(10);

        await device.HandleAsync([Messages.Reading(physical, t, ("temperature", 21.5), ("battery", 4.1))]);
        await device.HandleAsync([Messages.Reading(physical, t.AddSeconds(-5), ("temperature", 19.0))]);
        await device.HandleAsync([new NormalisedMessage(Guid.NewGuid(), physical, null, t.AddSeconds(1), [TimeseriesPoint.Word("status", "ok")])]);

        var latest = await fixture.Grains.GetGrain<ILogicalDeviceGrain>(logical).GetLatestValuesAsync();

        Assert.Equal(["battery", "status", "temperature"], latest.Select(point => point.Name));
        Assert.Equal(21.5, latest.Single(point => point.Name == "temperature").Value);
        Assert.Equal("ok", latest.Single(point => point.Name == "status").Text);
    }

    [Fact]
    public async Task Every_accepted_message_is_published_live_on_the_logical_devices_stream()
    {
        long physical = FakeStores.NextUid(), logical = FakeStores.NextUid();
        FakeStores.Devices.AddPhysical(physical);
        FakeStores.Devices.AddLogical(logical);
        var device = fixture.Grains.GetGrain<IPhysicalDeviceGrain>(physical);
        var mapping = await device.MapToAsync(logical);
        var received = new TaskCompletionSource<LiveReading>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = fixture.Cluster.Client.GetStreamProvider(LiveSeries.ProviderName).GetStream<LiveReading>(LiveSeries.For(logical));
        var subscription = await stream.SubscribeAsync((reading, _) =>
        {
            received.TrySetResult(reading);
            return Task.CompletedTask;
        });

        var message = Messages.Reading(physical, mapping.Start.AddSeconds(1), ("flow", 3.5));
        await device.HandleAsync([message]);
        var reading = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await subscription.UnsubscribeAsync();

        Assert.Equal(message.CorrelationId, reading.CorrelationId);
        Assert.Equal(3.5, Assert.Single(reading.Points).Value);
    }
}
