using System.Text.Json.Serialization;

namespace IoTStack.Contracts;

/// <summary>
/// IoTa's normalised message: what every front end emits onto <c>physical_timeseries</c>
/// and what the mid-tier republishes, with <see cref="LogicalUid"/> set, onto <c>logical_timeseries</c>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NormalisedMessage(
    [property: Id(0), JsonPropertyName("broker_correlation_id")] Guid CorrelationId,
    [property: Id(1), JsonPropertyName("p_uid")] long PhysicalUid,
    [property: Id(2), JsonPropertyName("l_uid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? LogicalUid,
    [property: Id(3), JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: Id(4), JsonPropertyName("timeseries")] IReadOnlyList<TimeseriesPoint> Timeseries);
