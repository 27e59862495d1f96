using IoTStack.Testing;

namespace IoTStack.Grafana.Tests;

/// <summary>The panels' SQL runs against one stack filled through Ingest, shared by the collection.</summary>
[CollectionDefinition(IoTStackFixture.Collection)]
public sealed class GrafanaStackDefinition : ICollectionFixture<IoTStackFixture>;
