namespace IoTStack.Hosting;

public enum EndpointProperty
{
    Url,
    Host,
    Port,
    TargetPort,
}

/// <summary>One property of one replica's endpoint, usable inside connection strings and environment variables.</summary>
public sealed class EndpointReference(Resource resource, EndpointAnnotation endpoint, EndpointProperty property, int replica = 0) : IValueProvider
{
    public string GetValue() => property switch
    {
        EndpointProperty.Url => endpoint.GetUrl(replica),
        EndpointProperty.Host => endpoint.Host,
        EndpointProperty.TargetPort => (endpoint.TargetPort ?? endpoint.GetPort(replica)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => endpoint.GetPort(replica).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public string ManifestExpression =>
        $"{{{resource.Name}.bindings.{endpoint.Name}.{ManifestName(property)}}}";

    private static string ManifestName(EndpointProperty property) => property switch
    {
        EndpointProperty.Url => "url",
        EndpointProperty.Host => "host",
        EndpointProperty.Port => "port",
        _ => "targetPort",
    };
}
