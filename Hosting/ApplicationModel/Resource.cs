namespace IoTStack.Hosting;

/// <summary>A named part of the distributed application, as in Aspire's application model.</summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;

    /// <summary>What the dashboard shows in its Kind column (Project, PostgreSQL, RabbitMQ, ...).</summary>
    public abstract string Kind { get; }

    public IList<EndpointAnnotation> Endpoints { get; } = [];

    public IList<Action<EnvironmentContext>> EnvironmentCallbacks { get; } = [];

    /// <summary>Resources that must be healthy before this one starts (<c>WaitFor</c>).</summary>
    public IList<Resource> WaitsFor { get; } = [];

    public int Replicas { get; set; } = 1;

    /// <summary>The resource whose process serves this one (a database lives in its server).</summary>
    public virtual Resource? Parent => null;

    /// <summary>Hidden resources (parameters, the Orleans service) appear in the manifest but not on the dashboard.</summary>
    public virtual bool IsVisible => true;

    public EndpointAnnotation GetEndpoint(string name) =>
        Endpoints.FirstOrDefault(e => e.Name == name)
        ?? throw new InvalidOperationException($"Resource '{Name}' has no endpoint named '{name}'.");

    public override string ToString() => $"{Kind} '{Name}'";
}
