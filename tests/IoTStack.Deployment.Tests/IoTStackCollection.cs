using IoTStack.Testing;

namespace IoTStack.Deployment.Tests;

/// <summary>The published-folder tests share one running stack for its PostgreSQL and RabbitMQ.</summary>
[CollectionDefinition(IoTStackFixture.Collection)]
public sealed class IoTStackCollectionDefinition : ICollectionFixture<IoTStackFixture>;
