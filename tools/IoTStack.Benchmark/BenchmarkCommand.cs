using System.CommandLine;

namespace IoTStack.Benchmark;

/// <summary>The command line: every phase sized by a flag, zero skips it, so a short run is one line.</summary>
public static class BenchmarkCommand
{
    public static RootCommand Create()
    {
        var d = new BenchmarkOptions();
        var devices = new Option<int>("--devices") { Description = "Simulated devices in the end-to-end phase", DefaultValueFactory = _ => d.Devices };
        var rate = new Option<double>("--rate") { Description = "Target msg/s (0 skips end to end)", DefaultValueFactory = _ => d.Rate };
        var duration = new Option<int>("--duration") { Description = "Seconds at the rate", DefaultValueFactory = _ => d.DurationSeconds };
        var ramp = new Option<int>("--ramp") { DefaultValueFactory = _ => d.RampSeconds };
        var qos = new Option<int>("--qos") { DefaultValueFactory = _ => d.QoS };
        var points = new Option<int>("--points") { DefaultValueFactory = _ => d.Points };
        var noCeilings = new Option<bool>("--no-ceilings") { Description = "Skip the COPY and confirmed-publish ceilings" };
        var connections = new Option<int>("--connections") { Description = "Idle MQTT connections (0 skips)", DefaultValueFactory = _ => d.Connections };
        var hold = new Option<int>("--hold") { Description = "Seconds to hold the idle connections", DefaultValueFactory = _ => d.HoldSeconds };
        var queryRuns = new Option<int>("--query-runs") { Description = "GraphQL series queries (0 skips)", DefaultValueFactory = _ => d.QueryRuns };
        var queryPoints = new Option<int>("--query-points") { Description = "Points of the queried series", DefaultValueFactory = _ => d.QueryPoints };
        var queryBuckets = new Option<int>("--query-buckets") { Description = "Buckets the queries aggregate into", DefaultValueFactory = _ => d.QueryBuckets };
        var replicas = new Option<int>("--silo-replicas") { DefaultValueFactory = _ => d.SiloReplicas };
        var output = new Option<string>("--output") { DefaultValueFactory = _ => d.OutputDirectory };
        var note = new Option<string>("--note") { Description = "A remark written into the report", DefaultValueFactory = _ => "" };
        var command = new RootCommand("IoTStack end-to-end benchmark")
        {
            devices, rate, duration, ramp, qos, points, noCeilings, connections, hold, queryRuns, queryPoints, queryBuckets, replicas, output, note,
        };
        command.SetAction((result, cancellationToken) => BenchmarkRun.RunAsync(new BenchmarkOptions
        {
            Devices = result.GetValue(devices),
            Rate = result.GetValue(rate),
            DurationSeconds = result.GetValue(duration),
            RampSeconds = result.GetValue(ramp),
            QoS = result.GetValue(qos),
            Points = result.GetValue(points),
            Ceilings = !result.GetValue(noCeilings),
            Connections = result.GetValue(connections),
            HoldSeconds = result.GetValue(hold),
            QueryRuns = result.GetValue(queryRuns),
            QueryPoints = result.GetValue(queryPoints),
            QueryBuckets = result.GetValue(queryBuckets),
            SiloReplicas = result.GetValue(replicas),
            OutputDirectory = result.GetValue(output)!,
            Note = result.GetValue(note)!,
        }, cancellationToken));
        return command;
    }
}
