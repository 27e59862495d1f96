namespace IoTStack.Contracts.Devices;

/// <summary>
/// A message that can never be processed as it is (unknown device, invalid content): retrying cannot help,
/// so the consumer dead-letters it at once with <see cref="Exception.Message"/> as the reason.
/// </summary>
[GenerateSerializer]
public sealed class RejectedMessageException : Exception
{
    public RejectedMessageException()
    {
    }

    public RejectedMessageException(string reason)
        : base(reason)
    {
    }

    public RejectedMessageException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
