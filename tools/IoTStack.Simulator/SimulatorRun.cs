namespace IoTStack.Simulator;

/// <summary>Registers the devices through the Api, runs the simulation and prints the summary.</summary>
public static class SimulatorRun
{
    public static async Task<int> RunAsync(SimulatorOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(options.ApiPassword))
        {
            await output.WriteLineAsync($"--api-password (or IOTSTACK_API_PASSWORD) is required to register devices as '{options.ApiUser}' through {options.ApiUrl}.");
            return 2;
        }

        var prefix = $"sim-{DateTimeOffset.UtcNow:HHmmss}";
        using var http = new HttpClient { BaseAddress = options.ApiUrl };
        IReadOnlyList<SimulatedDevice> devices;
        try
        {
            var api = await ApiSession.SignInAsync(http, options.ApiUser, options.ApiPassword, cancellationToken);
            devices = await ApiRegistrar.RegisterAsync(api, options.Devices, prefix, mapToLogical: true, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            await output.WriteLineAsync($"Could not register the devices through {options.ApiUrl}: {e.Message}");
            return 2;
        }

        await output.WriteLineAsync($"Registered {devices.Count} devices ({prefix}-*); sending {options.Rate} msg/s for {options.Duration.TotalSeconds} s");
        var summary = await new Simulation(options, devices).RunAsync(cancellationToken);
        await output.WriteLineAsync(summary.ToString());
        return summary.Errors == 0 ? 0 : 1;
    }
}
