using System.Diagnostics.Metrics;

namespace IoTStack.Ingest.Pipeline;

/// <summary>Ingest's counters (meter <c>IoTStack.Ingest</c>, exported by the service defaults).</summary>
public sealed class IngestMetrics
{
    public const string MeterName = "IoTStack.Ingest";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _unauthorisedPublishes;
    private readonly Histogram<int> _publishBatch;
    private readonly Histogram<int> _rawBatch;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _accepted = meter.CreateCounter<long>("iotstack.ingest.accepted", "{message}", "Device messages stored and queued");
        _rejected = meter.CreateCounter<long>("iotstack.ingest.rejected", "{message}", "Device messages refused, by reason");
        _unauthorisedPublishes = meter.CreateCounter<long>("iotstack.ingest.mqtt.unauthorised_publishes", "{message}",
            "MQTT publishes to a topic the client may not publish to");
        _publishBatch = meter.CreateHistogram<int>("iotstack.ingest.publish_batch", "{message}", "Device messages per confirmed AMQP publish");
        _rawBatch = meter.CreateHistogram<int>("iotstack.ingest.raw_batch", "{message}", "Rows per raw_messages COPY");
    }

    public void Accepted(string source) => _accepted.Add(1, new KeyValuePair<string, object?>("source", source));

    public void Rejected(string source, RejectionKind kind) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("reason", kind.ToString()));

    public void UnauthorisedPublish() => _unauthorisedPublishes.Add(1);

    public void Published(int deviceMessages) => _publishBatch.Record(deviceMessages);

    public void RawWritten(int rows) => _rawBatch.Record(rows);
}
