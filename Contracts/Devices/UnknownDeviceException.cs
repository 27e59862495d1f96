namespace IoTStack.Contracts.Devices;

/// <summary>The registry has no device with this uid: a permanent failure for a message, a not-found for an operator.</summary>
[GenerateSerializer]
public sealed class UnknownDeviceException : Exception
{
    public UnknownDeviceException()
    {
    }

    public UnknownDeviceException(string message)
        : base(message)
    {
    }

    public UnknownDeviceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
