namespace IoTStack.Silo.Tests.Infrastructure;

/// <summary>One PostgreSQL server and one RabbitMQ node for every test that needs real servers.</summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private LocalPostgres? _postgres;
    private LocalRabbitMq? _rabbitMq;

    public LocalPostgres Postgres => _postgres ?? throw new InvalidOperationException("Not started.");

    public LocalRabbitMq RabbitMq => _rabbitMq ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        var postgres = LocalPostgres.StartAsync();
        var rabbitMq = LocalRabbitMq.StartAsync();
        try
        {
            await Task.WhenAll(postgres, rabbitMq);
        }
        finally
        {
            // xUnit does not dispose a fixture whose start failed: whatever did start must not outlive the run.
            _postgres = postgres.IsCompletedSuccessfully ? postgres.Result : null;
            _rabbitMq = rabbitMq.IsCompletedSuccessfully ? rabbitMq.Result : null;
            if (_postgres is null || _rabbitMq is null)
            {
                await DisposeAsync();
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_rabbitMq is not null)
        {
            await _rabbitMq.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServersGroup : ICollectionFixture<ServersFixture>
{
    public const string Name = "real servers";
}
