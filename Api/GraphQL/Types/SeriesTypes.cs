using GraphQL.Types;
using IoTStack.Api.Devices;
using IoTStack.Api.Series;

namespace IoTStack.Api.GraphQL.Types;

public sealed class SeriesAggregateType : EnumerationGraphType<SeriesAggregate>
{
    public SeriesAggregateType()
    {
        Name = "SeriesAggregate";
        Description = "How the points of one interval bucket become one value.";
    }
}

public sealed class SeriesPointType : ObjectGraphType<SeriesRow>
{
    public SeriesPointType()
    {
        Name = "SeriesPoint";
        Description = "A bucket (when an interval was given) or a raw point of one series.";
        Field(x => x.Name);
        Field(x => x.Timestamp).Description("The point's time, or the start of its bucket.");
        Field(x => x.Value, nullable: true);
        Field(x => x.Text, nullable: true).Description("A text reading (raw points only).");
        Field(x => x.Count).Description("How many numeric points the bucket holds (1 for a raw point).");
    }
}

public sealed class SeriesTreeNodeType : ObjectGraphType<SeriesTreeNode>
{
    public SeriesTreeNodeType()
    {
        Name = "SeriesTreeNode";
        Description = "A segment of slash-separated series names (wheels/front/left/pressure).";
        Field(x => x.Name).Description("This segment.");
        Field(x => x.Path).Description("The full name up to and including this segment.");
        Field(x => x.IsSeries).Description("Whether a series has exactly this name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SeriesTreeNodeType>>>>("children").Resolve(context => context.Source.Children);
    }
}

public sealed class LatestValueType : ObjectGraphType<LatestValue>
{
    public LatestValueType()
    {
        Name = "LatestValue";
        Field(x => x.Name);
        Field(x => x.Timestamp);
        Field(x => x.Value, nullable: true);
        Field(x => x.Text, nullable: true);
    }
}

public sealed class TelemetryPointType : ObjectGraphType<TelemetryPoint>
{
    public TelemetryPointType()
    {
        Name = "TelemetryPoint";
        Field(x => x.LogicalUid);
        Field(x => x.PhysicalUid).Description("The physical device that sent it: changes when the device is replaced.");
        Field(x => x.Name);
        Field(x => x.Timestamp);
        Field(x => x.Value, nullable: true);
        Field(x => x.Text, nullable: true);
        Field(x => x.CorrelationId);
    }
}
