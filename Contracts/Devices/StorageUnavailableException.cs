namespace IoTStack.Contracts.Devices;

/// <summary>
/// PostgreSQL or RabbitMQ could not be reached or refused for a passing reason. The data is fine: the consumer
/// retries it later and never dead-letters it for this. Serializable so it survives a hop between silos.
/// </summary>
[GenerateSerializer]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
