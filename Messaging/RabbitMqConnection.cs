using RabbitMQ.Client;

namespace IoTStack.Messaging;

/// <summary>
/// The process's one RabbitMQ connection, opened on first use and re-tried until the broker answers;
/// after that RabbitMQ.Client's automatic recovery keeps it (and its channels) alive across broker restarts.
/// </summary>
public sealed class RabbitMqConnection(ConnectionFactory factory) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public bool IsOpen => _connection?.IsOpen == true;

    public async Task<IConnection> GetAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _connection ??= await factory.CreateConnectionAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Declares the durable fan-out exchanges and the dead-letter exchange; idempotent.</summary>
    public async Task DeclareTopologyAsync(CancellationToken cancellationToken)
    {
        var connection = await GetAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await ExchangeTopology.DeclareAsync(channel, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection)
        {
            await connection.CloseAsync();
            connection.Dispose();
        }

        _gate.Dispose();
    }
}
