using IoTStack.Ingest;
using IoTStack.Ingest.Mqtt;
using Microsoft.Extensions.Options;
using MQTTnet.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class MqttGatewayExtensions
{
    /// <summary>The MQTTnet 5 server: TCP on <c>Mqtt:Port</c> (default 1883) plus MQTT over WebSocket on the HTTP port.</summary>
    public static WebApplicationBuilder AddMqttGateway(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MqttOptions>(builder.Configuration.GetSection(MqttOptions.Section));
        var port = builder.Configuration.GetSection(MqttOptions.Section).Get<MqttOptions>()?.Port ?? new MqttOptions().Port;

        builder.Services.AddConnections();
        builder.Services.AddHostedMqttServer(server => server.WithDefaultEndpoint().WithDefaultEndpointPort(port));
        builder.Services.AddMqttConnectionHandler();
        builder.Services.AddMqttTcpServerAdapter();
        builder.Services.AddSingleton<ITopicGrantSource, DeviceTopicGrants>();
        builder.Services.AddSingleton<TopicAuthoriser>();
        builder.Services.AddSingleton<MqttConnectionValidator>();
        builder.Services.AddSingleton<MqttPublishIntake>();
        builder.Services.AddSingleton<MqttAcknowledgementGate>();
        builder.Services.AddSingleton<MqttTelemetryGateway>();
        return builder;
    }

    /// <summary>Maps MQTT over WebSocket and hooks authentication, authorisation and delayed acknowledgements into the server.</summary>
    public static WebApplication MapMqttGateway(this WebApplication app)
    {
        app.MapMqtt(app.Services.GetRequiredService<IOptions<MqttOptions>>().Value.WebSocketPath);
        app.UseMqttServer(server => app.Services.GetRequiredService<MqttTelemetryGateway>().Attach(server));
        return app;
    }
}
