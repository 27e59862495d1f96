using IoTStack.Contracts.Devices;
using Npgsql;

namespace IoTStack.Silo.Storage;

/// <summary>
/// Tells a database outage (connection refused or lost, server shutting down, deadlock, timeout) from an error
/// that retrying cannot fix, and turns the former into <see cref="StorageUnavailableException"/>, which crosses silos.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient,
        NpgsqlException => true,
        TimeoutException => true,
        _ => false,
    };

    public static async Task<T> GuardAsync<T>(Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            return await operation();
        }
        catch (Exception exception) when (IsTransient(exception))
        {
            throw new StorageUnavailableException($"PostgreSQL is unavailable: {exception.Message}", exception);
        }
    }
}
