namespace IoTStack.Hosting;

/// <summary>The Aspire verbs that apply to any resource: endpoints, environment, WaitFor, replicas.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value) where T : Resource
    {
        builder.Resource.EnvironmentCallbacks.Add(context => context.Set(name, value));
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IValueProvider value) where T : Resource
    {
        builder.Resource.EnvironmentCallbacks.Add(context => context.Set(name, value));
        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentContext> callback) where T : Resource
    {
        builder.Resource.EnvironmentCallbacks.Add(callback);
        return builder;
    }

    /// <summary>Starts this resource only once <paramref name="dependency"/> reports healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<Resource> dependency) where T : Resource
    {
        builder.Resource.WaitsFor.Add(dependency.Resource);
        return builder;
    }

    public static IResourceBuilder<T> WithReplicas<T>(this IResourceBuilder<T> builder, int replicas) where T : Resource
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Replicas = replicas;
        return builder;
    }

    /// <summary>
    /// Adds an endpoint. <paramref name="port"/> is the fixed user-facing port (null = any free port);
    /// <paramref name="env"/> names a variable that receives the port, for servers that are not configured by URL.
    /// </summary>
    public static IResourceBuilder<T> WithEndpoint<T>(
        this IResourceBuilder<T> builder, string name, string scheme = "tcp", int? port = null, int? targetPort = null,
        string? env = null, bool isExternal = false) where T : Resource
    {
        var transport = scheme is "http" or "https" ? "http" : "tcp";
        var endpoint = new EndpointAnnotation(name, scheme, transport)
        {
            Port = port,
            TargetPort = targetPort,
            EnvironmentVariable = env,
            IsExternal = isExternal,
        };
        builder.Resource.Endpoints.Add(endpoint);
        if (env is not null)
        {
            // A container sees its own target port; a local process binds the allocated one.
            builder.Resource.EnvironmentCallbacks.Add(context => context.Set(env, new EndpointReference(
                builder.Resource, endpoint,
                context.IsPublishMode || targetPort is not null ? EndpointProperty.TargetPort : EndpointProperty.Port,
                context.Replica)));
        }

        return builder;
    }

    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http") where T : Resource =>
        builder.WithEndpoint(name, "http", port);

    /// <summary>Marks the HTTP endpoints as reachable from outside (the manifest's <c>external: true</c>).</summary>
    public static IResourceBuilder<T> WithExternalHttpEndpoints<T>(this IResourceBuilder<T> builder) where T : Resource
    {
        foreach (var endpoint in builder.Resource.Endpoints.Where(e => e.IsHttp))
        {
            endpoint.IsExternal = true;
        }

        return builder;
    }
}
