using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Silo;

/// <summary>A stack of its own with two silo replicas in one Orleans cluster, for the failover test.</summary>
public sealed class TwoSiloFixture : IoTStackFixture
{
    public const string Group = "IoTStack with two silos";

    protected override IoTStackTestOptions Options => new() { SiloReplicas = 2 };
}

[CollectionDefinition(TwoSiloFixture.Group)]
public sealed class TwoSiloCollectionDefinition : ICollectionFixture<TwoSiloFixture>;
