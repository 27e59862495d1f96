namespace IoTStack.Hosting;

/// <summary>
/// One AppHost per state folder: two would fight over the same PostgreSQL data and RabbitMQ node. The lock is an
/// open file that the OS releases however the AppHost ends, even on SIGKILL.
/// </summary>
internal sealed class StateFolderLock : IDisposable
{
    private readonly FileStream _lock;

    private StateFolderLock(FileStream @lock) => _lock = @lock;

    public static StateFolderLock Acquire(string stateDirectory)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, "apphost.lock");
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock) on Unix.
            return new StateFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            throw new StateFolderInUseException(
                $"The state folder {stateDirectory} is in use by another IoTStack AppHost. Stop it, or give this one " +
                "its own folder with --IoTStack:StateDirectory=<folder>.");
        }
    }

    public void Dispose() => _lock.Dispose();
}

public sealed class StateFolderInUseException(string message) : Exception(message);
