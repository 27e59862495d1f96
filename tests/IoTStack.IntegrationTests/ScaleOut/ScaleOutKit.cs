using IoTStack.IntegrationTests.Ingest;
using IoTStack.IntegrationTests.Silo;
using IoTStack.Testing;
using Npgsql;

namespace IoTStack.IntegrationTests.ScaleOut;

/// <summary>
/// The Ingest and Silo test kits together for a scaled-out stack: devices with tokens whose telemetry is mapped to
/// logical devices (so it reaches series_points), every replica's endpoints, and the exactly-once check.
/// </summary>
public sealed class ScaleOutKit(IoTStackTestApplication stack, IngestKit ingest, SiloKit silo) : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public SiloKit Silo => silo;

    public static async Task<ScaleOutKit> CreateAsync(IoTStackTestApplication stack) =>
        new(stack, new IngestKit(stack), await SiloKit.CreateAsync(stack));

    /// <summary>The address of one endpoint on every replica of the resource, e.g. every Ingest's MQTT listener.</summary>
    public IReadOnlyList<Uri> Endpoints(string resource, string endpoint, int replicas) =>
        [.. Enumerable.Range(0, replicas).Select(replica => stack.GetEndpoint(resource, endpoint, replica))];

    /// <summary>
    /// <paramref name="count"/> new devices, alternating over the Ingest replicas; MQTT ones when <paramref name="mqtt"/>
    /// is true, else HTTP ones. Each is mapped to a new logical device.
    /// </summary>
    public async Task<IReadOnlyList<FlowingDevice>> DevicesAsync(int count, bool mqtt)
    {
        var devices = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => ingest.NewDeviceAsync()));
        var mapped = await silo.MapToNewLogicalDevicesAsync([.. devices.Select(device => device.Uid)]);
        var replicas = Endpoints("ingest", mqtt ? "mqtt" : "http", ScaleOutFixture.IngestReplicas);
        return [.. devices.Select((device, i) => mqtt
            ? (FlowingDevice)new MqttFlowingDevice(device, mapped[i].Logical, replicas, i % replicas.Count)
            : new HttpFlowingDevice(device, mapped[i].Logical, replicas, i % replicas.Count, _http))];
    }

    /// <summary>The acknowledged messages whose points are not (yet) stored exactly once.</summary>
    public async Task<IReadOnlyList<(long Logical, DateTime Timestamp, long Rows)>> NotStoredExactlyOnceAsync(IReadOnlyList<Acknowledged> acknowledged)
    {
        await using var command = silo.Database.CreateCommand(
            """
            SELECT a.l, a.ts, count(p.name) FROM unnest($1::bigint[], $2::timestamptz[]) AS a(l, ts)
            LEFT JOIN series_points p ON p.logical_uid = a.l AND p.ts = a.ts
            GROUP BY a.l, a.ts
            HAVING count(p.name) <> $3 OR count(DISTINCT p.name) <> $3 OR count(DISTINCT p.correlation_id) <> 1
            """);
        command.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. acknowledged.Select(ack => ack.LogicalUid)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. acknowledged.Select(ack => ack.Timestamp)] });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = FlowingDevice.PointsPerMessage });
        await using var reader = await command.ExecuteReaderAsync();
        var wrong = new List<(long, DateTime, long)>();
        while (await reader.ReadAsync())
        {
            wrong.Add((reader.GetInt64(0), reader.GetDateTime(1), reader.GetInt64(2)));
        }

        return wrong;
    }

    /// <summary>Polls until every acknowledged message is stored exactly once, or the deadline passes; returns what is still wrong.</summary>
    public Task<IReadOnlyList<(long Logical, DateTime Timestamp, long Rows)>> AwaitStoredExactlyOnceAsync(IReadOnlyList<Acknowledged> acknowledged, TimeSpan timeout) =>
        Eventually.PollAsync(() => NotStoredExactlyOnceAsync(acknowledged), wrong => wrong.Count == 0, timeout);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        ingest.Dispose();
        await silo.DisposeAsync();
    }
}
