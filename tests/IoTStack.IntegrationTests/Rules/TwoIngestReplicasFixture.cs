using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Rules;

/// <summary>A stack with two Ingest replicas (own MQTT and HTTP ports each), for rule outputs crossing replicas.</summary>
public sealed class TwoIngestReplicasFixture : IoTStackFixture
{
    public new const string Collection = "IoTStack with two Ingest replicas";

    protected override IoTStackTestOptions Options => new() { IngestReplicas = 2 };
}

[CollectionDefinition(TwoIngestReplicasFixture.Collection)]
public sealed class TwoIngestReplicasCollectionDefinition : ICollectionFixture<TwoIngestReplicasFixture>;
