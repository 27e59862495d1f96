namespace IoTStack.Hosting;

/// <summary>How one kind of resource is started on this machine and how we know it is ready.</summary>
public interface IResourceLauncher
{
    /// <summary>
    /// Prepares what one replica needs on disk (data folders, config files) and describes its process.
    /// Throws <see cref="ResourceNotAvailableException"/> when the resource cannot run on this machine.
    /// </summary>
    Task<ProcessSpec> PrepareAsync(int replica, CancellationToken cancellationToken);

    /// <summary>True once the replica serves its clients (HTTP /health, a database login, an AMQP connection).</summary>
    Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken);
}

/// <summary>A resource that runs as processes started by the AppHost.</summary>
public interface IRunnableResource
{
    IResourceLauncher CreateLauncher(LaunchContext context);
}

/// <summary>The resource cannot run here (a missing server binary); the message says why and how to fix it.</summary>
public sealed class ResourceNotAvailableException(string message) : Exception(message);
