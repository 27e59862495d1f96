using IoTStack.Hosting;

namespace IoTStack.Testing;

/// <summary>What Aspire.Hosting.Testing hands out: HTTP clients, endpoints and connection strings by resource name.</summary>
public sealed partial class IoTStackTestApplication
{
    /// <summary>An HttpClient whose BaseAddress is the resource's endpoint (http by default).</summary>
    public HttpClient CreateHttpClient(string resourceName, string? endpointName = null, int replica = 0) =>
        new() { BaseAddress = GetEndpoint(resourceName, endpointName ?? "http", replica) };

    /// <summary>An endpoint's URL, e.g. <c>GetEndpoint("ingest", "mqtt")</c> → <c>tcp://localhost:41234</c>.</summary>
    public Uri GetEndpoint(string resourceName, string? endpointName = null, int replica = 0)
    {
        var resource = Application.GetResource(resourceName);
        var endpoint = endpointName is null ? resource.Endpoints[0] : resource.GetEndpoint(endpointName);
        return new Uri(endpoint.GetUrl(replica));
    }

    /// <summary>The connection string services get as <c>ConnectionStrings__{name}</c> (e.g. "iotdb", "messaging").</summary>
    public ValueTask<string> GetConnectionStringAsync(string resourceName) =>
        Application.GetResource(resourceName) is IResourceWithConnectionString resource
            ? ValueTask.FromResult(resource.ConnectionStringExpression.GetValue())
            : throw new InvalidOperationException($"Resource '{resourceName}' has no connection string.");

    public ResourceSnapshot GetResourceState(string resourceName) => Application.ResourceNotifications.Get(resourceName);

    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken = default) =>
        Application.ResourceNotifications.WaitForResourceHealthyAsync(resourceName, cancellationToken);

    public Task<ResourceSnapshot> WaitForResourceAsync(string resourceName, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken = default) =>
        Application.ResourceNotifications.WaitForAsync(resourceName, predicate, cancellationToken);
}
