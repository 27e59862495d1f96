using System.Globalization;

namespace IoTStack.Hosting;

/// <summary><c>WithReference</c>: how one resource learns where another is, in Aspire's environment conventions.</summary>
public static class ReferenceExtensions
{
    /// <summary>
    /// Injects <c>ConnectionStrings__{name}</c> and the connection properties <c>{NAME}_HOST</c>, <c>_PORT</c>, ...
    /// </summary>
    public static IResourceBuilder<T> WithReference<T, TSource>(
        this IResourceBuilder<T> builder, IResourceBuilder<TSource> source, string? connectionName = null)
        where T : Resource
        where TSource : Resource, IResourceWithConnectionString
    {
        var name = connectionName ?? source.Resource.Name;
        builder.Resource.EnvironmentCallbacks.Add(context =>
        {
            context.Set($"ConnectionStrings__{name}", new ConnectionStringReference(source.Resource));
            foreach (var (property, value) in source.Resource.ConnectionProperties)
            {
                context.Set($"{name.ToUpperInvariant()}_{property}", value);
            }
        });
        return builder;
    }

    /// <summary>
    /// Service discovery: <c>services__{name}__{scheme}__{i}</c> for each HTTP endpoint of each replica, plus
    /// <c>{NAME}_{ENDPOINT}</c>.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<ProjectResource> source)
        where T : Resource
    {
        var target = source.Resource;
        builder.Resource.EnvironmentCallbacks.Add(context =>
        {
            foreach (var scheme in target.Endpoints.Where(e => e.IsHttp).GroupBy(e => e.Scheme))
            {
                var index = 0;
                foreach (var endpoint in scheme)
                {
                    var replicas = context.IsPublishMode ? 1 : target.Replicas;
                    for (var replica = 0; replica < replicas; replica++)
                    {
                        var url = new EndpointReference(target, endpoint, EndpointProperty.Url, replica);
                        context.Set(string.Create(CultureInfo.InvariantCulture, $"services__{target.Name}__{scheme.Key}__{index++}"), url);
                    }

                    context.Set($"{target.Name.ToUpperInvariant()}_{endpoint.Name.ToUpperInvariant()}", new EndpointReference(target, endpoint, EndpointProperty.Url));
                }
            }
        });
        return builder;
    }
}
