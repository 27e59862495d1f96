using IoTStack.Simulator;
using Npgsql;

namespace IoTStack.Benchmark;

/// <summary>Runs the simulator against the stack at the target rate and counts what PostgreSQL durably stored.</summary>
public static class EndToEndPhase
{
    public static async Task<EndToEndResult> RunAsync(StackUnderTest stack, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var devices = await stack.RegisterDevicesAsync(options.Devices, $"bench-{DateTime.UtcNow:HHmmss}", mapToLogical: true, cancellationToken);
        var simulator = stack.SimulatorOptions with
        {
            Devices = options.Devices,
            Rate = options.Rate,
            Ramp = TimeSpan.FromSeconds(options.RampSeconds),
            Duration = TimeSpan.FromSeconds(options.DurationSeconds),
            QoS = options.QoS,
            PointsPerMessage = options.Points,
        };
        var monitor = await ProcessMonitor.StartAsync(stack.DashboardUrl);
        var sent = await new Simulation(simulator, devices).RunAsync(cancellationToken);
        await using var db = NpgsqlDataSource.Create(stack.DatabaseConnectionString);
        var stored = await StoredPoints.WaitForAsync(db, devices.Select(d => d.Uid).ToArray(), sent.StartedAt.AddSeconds(-1),
            sent.AckedPoints, TimeSpan.FromSeconds(15));
        var processes = await monitor.StopAsync();
        return new EndToEndResult(sent, stored, processes);
    }
}
