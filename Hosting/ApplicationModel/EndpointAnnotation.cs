namespace IoTStack.Hosting;

/// <summary>
/// A port a resource listens on. <see cref="Port"/> is the fixed, user-facing port when one is asked for (null means
/// "any free port"); <see cref="TargetPort"/> is the port inside a container image. Each replica gets its own port.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme, string transport)
{
    public string Name { get; } = name;
    public string Scheme { get; } = scheme;

    /// <summary>http, http2 or tcp, as in the manifest's bindings.</summary>
    public string Transport { get; } = transport;

    public int? Port { get; set; }
    public int? TargetPort { get; set; }
    public bool IsExternal { get; set; }

    /// <summary>Host name that clients use; servers we start listen on IPv4 loopback only.</summary>
    public string Host { get; set; } = "localhost";

    /// <summary>Environment variable that receives the port (Aspire's <c>WithEndpoint(env: ...)</c>).</summary>
    public string? EnvironmentVariable { get; set; }

    internal int[] AllocatedPorts { get; set; } = [];

    /// <summary>True when replica 0 was given a user-facing fixed port (checked for conflicts before start).</summary>
    internal bool IsFixed { get; set; }

    public bool IsAllocated => AllocatedPorts.Length > 0;

    public int GetPort(int replica = 0) => IsAllocated
        ? AllocatedPorts[replica]
        : throw new InvalidOperationException($"Endpoint '{Name}' has no port yet: ports are allocated when the application is built.");

    public string GetUrl(int replica = 0) => $"{Scheme}://{Host}:{GetPort(replica)}";

    public bool IsHttp => Scheme is "http" or "https";
}
