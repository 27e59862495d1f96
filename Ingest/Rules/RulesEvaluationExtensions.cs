using IoTStack.Ingest.Mqtt;
using IoTStack.Ingest.Rules;
using IoTStack.Storage.Devices;
using MQTTnet.AspNetCore;

namespace Microsoft.Extensions.Hosting;

public static class RulesEvaluationExtensions
{
    /// <summary>
    /// Filters and rules over every MQTT message Ingest receives, evaluated off the acknowledgement path; outputs go
    /// to MQTT subscribers on every replica; per-topic grants (<c>mqtt_topic_grants</c>) authorise who may publish
    /// rule inputs outside the telemetry topics and who may subscribe to outputs.
    /// </summary>
    public static WebApplicationBuilder AddRulesEvaluation(this WebApplicationBuilder builder)
    {
        builder.AddRulesEngine();
        builder.Services.Configure<RulesOptions>(builder.Configuration.GetSection(RulesOptions.Section));
        builder.Services.AddSingleton<RuleInbox>();
        builder.Services.AddSingleton<LocalMqttPublisher>();
        builder.Services.AddSingleton<RuleOutputFanout>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RuleOutputFanout>());
        builder.Services.AddSingleton<RuleOutputDelivery>();
        builder.Services.AddHostedService<SharedRuleEvaluation>();
        builder.Services.AddSingleton<TopicGrantStore>();
        builder.Services.AddSingleton<StoredTopicGrants>();
        builder.Services.AddSingleton<ITopicGrantSource>(services => services.GetRequiredService<StoredTopicGrants>());
        builder.Services.AddHostedService(services => services.GetRequiredService<StoredTopicGrants>());
        return builder;
    }

    /// <summary>Lets rule outputs be published into the MQTT server.</summary>
    public static WebApplication MapRulesEvaluation(this WebApplication app)
    {
        app.UseMqttServer(server => app.Services.GetRequiredService<LocalMqttPublisher>().Attach(server));
        return app;
    }
}
