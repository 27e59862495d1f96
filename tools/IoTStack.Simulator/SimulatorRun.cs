namespace IoTStack.Simulator;

/// <summary>Registers the devices, runs the simulation and prints the summary.</summary>
public static class SimulatorRun
{
    public static async Task<int> RunAsync(SimulatorOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.RegisterDirectConnectionString is null)
        {
            // GraphQL registration (createPhysicalDevice + issueDeviceToken) arrives with the Api branch.
            await output.WriteLineAsync("--register-direct <connection string> is required until the Api's GraphQL registration is available.");
            return 2;
        }

        var prefix = $"sim-{DateTimeOffset.UtcNow:HHmmss}";
        var devices = await DirectRegistrar.RegisterAsync(options.RegisterDirectConnectionString, options.Devices, prefix, cancellationToken);
        await output.WriteLineAsync($"Registered {devices.Count} devices ({prefix}-*); sending {options.Rate} msg/s for {options.Duration.TotalSeconds} s");
        var summary = await new Simulation(options, devices).RunAsync(cancellationToken);
        await output.WriteLineAsync(summary.ToString());
        return summary.Errors == 0 ? 0 : 1;
    }
}
