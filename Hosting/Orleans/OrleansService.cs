namespace IoTStack.Hosting;

/// <summary>
/// An Orleans cluster as Aspire.Hosting.Orleans models it: ids and storage providers, turned into <c>Orleans__*</c>
/// configuration for each silo and client that references it. Not a process of its own.
/// </summary>
public sealed class OrleansService(string name, ParameterResource clusterId, ParameterResource serviceId) : Resource(name)
{
    public override string Kind => "Orleans";

    public override bool IsVisible => false;

    /// <summary>Fresh per AppHost run, so membership rows left by a previous run never slow a new cluster down.</summary>
    public ParameterResource ClusterId { get; } = clusterId;

    /// <summary>Stable: grain state and reminders are keyed by it.</summary>
    public ParameterResource ServiceId { get; } = serviceId;

    public OrleansProvider? Clustering { get; internal set; }

    public OrleansProvider? Reminders { get; internal set; }

    public IDictionary<string, OrleansProvider> GrainStorage { get; } = new SortedDictionary<string, OrleansProvider>(StringComparer.Ordinal);
}

/// <summary>
/// An ADO.NET provider on a PostgreSQL database. Orleans' AdoNet providers read <c>Invariant</c> and
/// <c>ConnectionName</c> (Aspire's <c>ServiceKey</c> alone does not feed them), so both are written.
/// </summary>
public sealed record OrleansProvider(PostgresDatabaseResource Database)
{
    public IEnumerable<KeyValuePair<string, string>> Settings(string section) =>
    [
        new($"Orleans__{section}__ProviderType", "AdoNet"),
        new($"Orleans__{section}__Invariant", "Npgsql"),
        new($"Orleans__{section}__ConnectionName", Database.Name),
        new($"Orleans__{section}__ServiceKey", Database.Name),
    ];
}

/// <summary>A reference to the cluster as a client (gateway connection only).</summary>
public sealed record OrleansServiceClient(OrleansService Service);
