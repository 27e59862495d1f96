using System.Text.Json;
using IoTStack.Simulator;

namespace IoTStack.Benchmark.Tests;

public class PayloadBuilderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TsValues_carries_the_send_time_and_one_value_per_point()
    {
        using var json = Parse(PayloadShape.TsValues, 3);
        Assert.Equal(At.ToUnixTimeMilliseconds(), json.RootElement.GetProperty("ts").GetInt64());
        Assert.Equal(["temperature", "humidity", "battery"], json.RootElement.GetProperty("values").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Tum_is_an_array_of_one_object_per_point()
    {
        using var json = Parse(PayloadShape.Tum, 4);
        Assert.Equal(4, json.RootElement.GetArrayLength());
        Assert.Equal("channel3", json.RootElement[3].GetProperty("sensor_id").GetString());
    }

    [Fact]
    public void IoTa_and_CroMFlaG2_name_the_points_and_the_device()
    {
        using var iota = Parse(PayloadShape.IoTa, 2);
        Assert.Equal(2, iota.RootElement.GetProperty("timeseries").GetArrayLength());
        using var cromflag = Parse(PayloadShape.CroMFlaG2, 2);
        Assert.Equal("dev-1", cromflag.RootElement.GetProperty("deviceinfo").GetProperty("deviceid").GetString());
    }

    [Fact]
    public void Series_are_plausible_and_reproducible_per_device()
    {
        var a = new NoisySeries(3);
        var b = new NoisySeries(3);
        for (var i = 0; i < 100; i++)
        {
            var temperature = a.Next(0, At.AddMinutes(i));
            Assert.Equal(temperature, b.Next(0, At.AddMinutes(i)));
            Assert.InRange(temperature, 5, 40);
            var humidity = a.Next(1, At);
            Assert.Equal(humidity, b.Next(1, At));
            Assert.InRange(humidity, 0, 100);
        }
    }

    private static JsonDocument Parse(PayloadShape shape, int points) =>
        JsonDocument.Parse(PayloadBuilder.Build(shape, "dev-1", new NoisySeries(1), points, At));
}
