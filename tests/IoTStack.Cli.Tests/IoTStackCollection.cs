using IoTStack.Testing;

namespace IoTStack.Cli.Tests;

/// <summary>Every test class shares one running stack.</summary>
[CollectionDefinition(IoTStackFixture.Collection)]
public sealed class IoTStackCollectionDefinition : ICollectionFixture<IoTStackFixture>;
