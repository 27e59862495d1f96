using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IoTStack.Storage.Notifications;

/// <summary>
/// Keeps an in-memory copy of a table current: LISTENs on a PostgreSQL channel (the table's trigger NOTIFYs on every
/// change) and calls <see cref="ReloadAsync"/> after each notification, and after every (re)connection, since
/// notifications sent while disconnected are lost. Reloads within milliseconds of a commit, with no polling.
/// </summary>
public abstract partial class ChangeFeed(NpgsqlDataSource dataSource, ILogger logger, string channel) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    protected abstract Task ReloadAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(logger, exception, channel);
                await Task.Delay(ReconnectDelay, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        var changed = true;
        connection.Notification += (_, _) => changed = true;
        await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            if (changed)
            {
                changed = false;
                await ReloadAsync(stoppingToken);
            }

            // Returns after one notification has been delivered to the handler above.
            await connection.WaitAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening on {Channel} failed; reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, string channel);
}
