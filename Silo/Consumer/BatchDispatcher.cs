using System.Text.Json;
using IoTStack.Contracts;
using IoTStack.Contracts.Devices;

namespace IoTStack.Silo.Consumer;

/// <summary>Decodes one AMQP body and hands each device's messages to its physical device grain, all devices at once.</summary>
public sealed class BatchDispatcher(IGrainFactory grains)
{
    public async Task<DispatchResult> DispatchAsync(ReadOnlyMemory<byte> body)
    {
        IReadOnlyList<NormalisedMessage> messages;
        try
        {
            messages = NormalisedMessageBatch.Deserialize(body.Span);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            return DispatchResult.Malformed($"Malformed normalised message body: {exception.Message}");
        }

        if (messages.Any(message => message is null))
        {
            return DispatchResult.Malformed("Malformed normalised message body: null element in the array.");
        }

        var outcomes = await Task.WhenAll(messages.GroupBy(message => message.PhysicalUid).Select(HandleDeviceAsync));
        var failures = outcomes.OfType<(FailureKind Kind, FailedMessages Failed)>().ToArray();
        if (failures.Length == 0)
        {
            return DispatchResult.Committed;
        }

        var unavailable = failures.FirstOrDefault(failure => failure.Kind == FailureKind.Unavailable);
        return new DispatchResult(
            unavailable.Failed?.Reason,
            failures.Where(failure => failure.Kind == FailureKind.Rejected).Select(failure => failure.Failed).ToArray(),
            failures.Where(failure => failure.Kind == FailureKind.Unexpected).Select(failure => failure.Failed).ToArray());
    }

    private async Task<(FailureKind Kind, FailedMessages Failed)?> HandleDeviceAsync(IGrouping<long, NormalisedMessage> device)
    {
        var deviceMessages = device.ToArray();
        try
        {
            await grains.GetGrain<IPhysicalDeviceGrain>(device.Key).HandleAsync(deviceMessages);
            return null;
        }
#pragma warning disable CA1031 // Every failure is classified and routed; none may escape and stall the consumer.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (FailureClassifier.Classify(exception), new FailedMessages(deviceMessages, $"{exception.GetType().Name}: {exception.Message}"));
        }
    }
}
