using IoTStack.Testing;

namespace IoTStack.IntegrationTests;

/// <summary>Every test class in this collection shares one running stack.</summary>
[CollectionDefinition(IoTStackFixture.Collection)]
public sealed class IoTStackCollectionDefinition : ICollectionFixture<IoTStackFixture>;
