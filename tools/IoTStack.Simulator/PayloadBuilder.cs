using System.Globalization;
using System.Text.Json;

namespace IoTStack.Simulator;

/// <summary>
/// One message in each Ingest payload shape. Every point carries the send time as its timestamp, so the
/// benchmark reads publish→stored latency as <c>stored_at - ts</c> straight from series_points.
/// </summary>
public static class PayloadBuilder
{
    public static byte[] Build(PayloadShape shape, string deviceName, NoisySeries series, int points, DateTimeOffset at)
    {
        using var buffer = new MemoryStream(64 + points * 32);
        using (var json = new Utf8JsonWriter(buffer))
        {
            var ms = at.ToUnixTimeMilliseconds();
            switch (shape)
            {
                case PayloadShape.TsValues:
                    json.WriteStartObject();
                    json.WriteNumber("ts", ms);
                    json.WriteStartObject("values");
                    WriteNamedValues(json, series, points, at);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    break;
                case PayloadShape.IoTa:
                    json.WriteStartObject();
                    json.WriteString("timestamp", at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                    json.WriteStartArray("timeseries");
                    for (var i = 0; i < points; i++)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", NoisySeries.NameOf(i));
                        json.WriteNumber("value", series.Next(i, at));
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                    break;
                case PayloadShape.Tum:
                    // TUM carries one value per object, so a message of N points is an array of N objects.
                    json.WriteStartArray();
                    for (var i = 0; i < points; i++)
                    {
                        json.WriteStartObject();
                        json.WriteString("sensor_id", NoisySeries.NameOf(i));
                        json.WriteNumber("timestamp", ms);
                        json.WriteNumber("value", series.Next(i, at));
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    break;
                case PayloadShape.CroMFlaG2:
                    json.WriteStartObject();
                    json.WriteStartObject("deviceinfo");
                    json.WriteString("deviceid", deviceName);
                    json.WriteString("fw_ver", "1.0.0");
                    json.WriteEndObject();
                    json.WriteStartArray("tsdata");
                    json.WriteStartObject();
                    json.WriteNumber("timestamp", ms);
                    WriteNamedValues(json, series, points, at);
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
            }
        }

        return buffer.ToArray();
    }

    private static void WriteNamedValues(Utf8JsonWriter json, NoisySeries series, int points, DateTimeOffset at)
    {
        for (var i = 0; i < points; i++)
        {
            json.WriteNumber(NoisySeries.NameOf(i), series.Next(i, at));
        }
    }
}
