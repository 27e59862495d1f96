using IoTStack.Ingest;
using IoTStack.Ingest.Authentication;
using IoTStack.Ingest.Decoding;
using IoTStack.Ingest.Pipeline;

namespace Microsoft.Extensions.Hosting;

public static class IngestPipelineExtensions
{
    /// <summary>Decoders, the raw message log, the batching publisher, device authorisation and the pipeline joining them.</summary>
    public static WebApplicationBuilder AddIngestPipeline(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<IngestOptions>(builder.Configuration.GetSection(IngestOptions.Section));
        builder.AddDeviceCredentials();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<DeviceAuthoriser>();

        // Order breaks ties between shapes: the most specific markers first.
        builder.Services.AddSingleton<ITelemetryDecoder, CroMFlaG2Decoder>();
        builder.Services.AddSingleton<ITelemetryDecoder, IotaMessageDecoder>();
        builder.Services.AddSingleton<ITelemetryDecoder, TsValuesDecoder>();
        builder.Services.AddSingleton<ITelemetryDecoder, TumDecoder>();
        builder.Services.AddSingleton<TelemetryDecoders>();

        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<RawMessageLog>();
        builder.Services.AddSingleton<TimeseriesPublisher>();
        builder.Services.AddSingleton<TelemetryPipeline>();
        return builder;
    }
}
