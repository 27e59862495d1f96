using IoTStack.Testing;

namespace IoTStack.IntegrationTests.ScaleOut;

/// <summary>
/// A stack of its own scaled out the way a deployment would be: three silos in one Orleans cluster and two Ingest
/// replicas, each with its own HTTP and MQTT ports. Started once for the scale-out tests.
/// </summary>
public sealed class ScaleOutFixture : IoTStackFixture
{
    public new const string Collection = "IoTStack with three silos and two Ingest replicas";

    public const int Silos = 3;

    public const int IngestReplicas = 2;

    protected override IoTStackTestOptions Options => new() { SiloReplicas = Silos, IngestReplicas = IngestReplicas };
}

[CollectionDefinition(ScaleOutFixture.Collection)]
public sealed class ScaleOutCollectionDefinition : ICollectionFixture<ScaleOutFixture>;
