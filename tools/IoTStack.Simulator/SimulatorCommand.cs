using System.CommandLine;

namespace IoTStack.Simulator;

/// <summary>The command line: options map one-to-one onto <see cref="SimulatorOptions"/>.</summary>
public static class SimulatorCommand
{
    public static RootCommand Create()
    {
        var devices = new Option<int>("--devices") { Description = "Simulated devices", DefaultValueFactory = _ => 10 };
        var rate = new Option<double>("--rate") { Description = "Target aggregate messages per second", DefaultValueFactory = _ => 100 };
        var ramp = new Option<int>("--ramp") { Description = "Seconds to ramp up to the rate", DefaultValueFactory = _ => 5 };
        var duration = new Option<int>("--duration") { Description = "Seconds to send", DefaultValueFactory = _ => 30 };
        var points = new Option<int>("--points") { Description = "Points per message", DefaultValueFactory = _ => 3 };
        var qos = new Option<int>("--qos") { Description = "MQTT QoS 0, 1 or 2", DefaultValueFactory = _ => 1 };
        var transport = new Option<Transport>("--transport") { Description = "Mqtt, MqttWebSocket or Http", DefaultValueFactory = _ => Transport.Mqtt };
        var shape = new Option<PayloadShape>("--shape") { Description = "TsValues, IoTa, Tum or CroMFlaG2", DefaultValueFactory = _ => PayloadShape.TsValues };
        var host = new Option<string>("--host") { DefaultValueFactory = _ => "127.0.0.1" };
        var mqttPort = new Option<int>("--mqtt-port") { DefaultValueFactory = _ => 1883 };
        var httpPort = new Option<int>("--http-port") { Description = "Ingest HTTP port (HTTP and MQTT over WebSocket)", DefaultValueFactory = _ => 5081 };
        var apiUrl = new Option<string>("--api-url") { Description = "The Api the devices are registered through", DefaultValueFactory = _ => "http://localhost:5080/" };
        var apiUser = new Option<string>("--api-user") { Description = "An admin user of the Api (issuing device tokens needs that role)", DefaultValueFactory = _ => "admin" };
        var apiPassword = new Option<string?>("--api-password") { Description = "Its password (default: the IOTSTACK_API_PASSWORD environment variable)" };
        var command = new RootCommand("IoTStack device simulator")
        {
            devices, rate, ramp, duration, points, qos, transport, shape, host, mqttPort, httpPort, apiUrl, apiUser, apiPassword,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new SimulatorOptions
            {
                Devices = result.GetValue(devices),
                Rate = result.GetValue(rate),
                Ramp = TimeSpan.FromSeconds(result.GetValue(ramp)),
                Duration = TimeSpan.FromSeconds(result.GetValue(duration)),
                PointsPerMessage = result.GetValue(points),
                QoS = result.GetValue(qos),
                Transport = result.GetValue(transport),
                Shape = result.GetValue(shape),
                Host = result.GetValue(host)!,
                MqttPort = result.GetValue(mqttPort),
                HttpPort = result.GetValue(httpPort),
                // Ending in '/' so "api/token" and "graphql" resolve under a path prefix too.
                ApiUrl = new Uri(result.GetValue(apiUrl)!.TrimEnd('/') + "/"),
                ApiUser = result.GetValue(apiUser)!,
                ApiPassword = result.GetValue(apiPassword) ?? Environment.GetEnvironmentVariable("IOTSTACK_API_PASSWORD"),
            };
            return await SimulatorRun.RunAsync(options, Console.Out, cancellationToken);
        });
        return command;
    }
}
