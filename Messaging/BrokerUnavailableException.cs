namespace IoTStack.Messaging;

/// <summary>RabbitMQ cannot take a publish right now (the connection is recovering): an outage, retry later.</summary>
public sealed class BrokerUnavailableException(string message) : Exception(message);
