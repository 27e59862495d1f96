using GraphQL.Types;
using IoTStack.Api.Devices;
using IoTStack.Api.Operations;

namespace IoTStack.Api.GraphQL.Types;

public sealed class RawMessageType : ObjectGraphType<RawMessage>
{
    public RawMessageType()
    {
        Name = "RawMessage";
        Description = "A message exactly as received, accepted or rejected.";
        Field(x => x.CorrelationId);
        Field(x => x.ReceivedAt);
        Field(x => x.Source);
        Field(x => x.PhysicalUid, nullable: true);
        Field(x => x.Device, nullable: true);
        Field(x => x.Topic, nullable: true);
        Field(x => x.ContentType, nullable: true);
        Field(x => x.Status).Description("accepted or rejected.");
        Field(x => x.Reason, nullable: true);
        Field<NonNullGraphType<StringGraphType>>("payloadBase64").Resolve(context => Convert.ToBase64String(context.Source.Payload));
        Field<StringGraphType>("payloadText").Description("The payload as UTF-8 text, when it is valid UTF-8.").Resolve(context => context.Source.PayloadText);
    }
}

public sealed class DeadLetterType : ObjectGraphType<DeadLetter>
{
    public DeadLetterType()
    {
        Name = "DeadLetter";
        Field(x => x.Id);
        Field(x => x.Reason, nullable: true);
        Field(x => x.OriginalExchange, nullable: true);
        Field(x => x.Body);
        Field(x => x.DeadLetteredAt, nullable: true);
    }
}

public sealed class DeviceTokenType : ObjectGraphType<IssuedDeviceToken>
{
    public DeviceTokenType()
    {
        Name = "DeviceToken";
        Description = "A device token as issued. The token is shown only this once.";
        Field(x => x.Id);
        Field(x => x.PhysicalUid);
        Field(x => x.Token);
        Field(x => x.ExpiresAt, nullable: true);
    }
}
