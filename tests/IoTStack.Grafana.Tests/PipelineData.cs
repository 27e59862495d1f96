using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using IoTStack.Contracts;
using IoTStack.Storage.Devices;
using IoTStack.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace IoTStack.Grafana.Tests;

/// <summary>
/// Fills the stack through its real front door, as a fleet would: a logical device whose sensor was replaced
/// half an hour ago (two physical devices, one mapping history), an unmapped device that keeps sending, a message
/// Ingest rejects and one the Silo dead-letters. Returns once the points are stored.
/// </summary>
public sealed class PipelineData
{
    public long LogicalUid { get; private init; }

    public static async Task<PipelineData> FillAsync(IoTStackTestApplication stack)
    {
        await using var database = NpgsqlDataSource.Create(await stack.GetConnectionStringAsync("iotdb"));
        var credentials = new CredentialStore(database, TimeProvider.System);
        using var ingest = stack.CreateHttpClient("ingest");
        var now = DateTimeOffset.UtcNow;

        var logical = await ScalarAsync<long>(database, "INSERT INTO logical_devices (name) VALUES ('tank ' || gen_random_uuid()) RETURNING uid");
        var (oldSensor, oldToken) = await NewDeviceAsync(database, credentials);
        var (newSensor, newToken) = await NewDeviceAsync(database, credentials);
        var (unmapped, unmappedToken) = await NewDeviceAsync(database, credentials);
        await ExecuteAsync(database, "SELECT map_devices($1, $2, $3)", oldSensor, logical, now.AddHours(-1));
        await ExecuteAsync(database, "SELECT map_devices($1, $2, $3)", newSensor, logical, now.AddMinutes(-30));

        for (var minute = 55; minute > 0; minute -= 10)
        {
            var token = minute > 30 ? oldToken : newToken;
            await SendAsync(ingest, token, now.AddMinutes(-minute), 20 + minute / 10.0, 60 - minute / 10.0);
        }

        await SendAsync(ingest, unmappedToken, now.AddMinutes(-1), 5, 95);
        using (var rejected = await PostAsync(ingest, oldToken, """{"ts": 1, "values": {"temperature": """)) { }

        await DeadLetterAsync(stack);
        await WaitForAsync(database, "SELECT count(*) >= 10 FROM series_points WHERE logical_uid = $1", logical);
        await WaitForAsync(database, "SELECT count(*) >= 1 FROM dead_letter_log");
        await WaitForAsync(database, "SELECT count(*) = 3 FROM physical_devices WHERE uid = ANY($1) AND last_seen IS NOT NULL",
            new[] { oldSensor, newSensor, unmapped });
        return new PipelineData { LogicalUid = logical };
    }

    private static async Task<(long Uid, string Token)> NewDeviceAsync(NpgsqlDataSource database, CredentialStore credentials)
    {
        var uid = await ScalarAsync<long>(database, "INSERT INTO physical_devices (source, name) VALUES ('http', 'sensor ' || gen_random_uuid()) RETURNING uid");
        var token = await credentials.IssueDeviceTokenAsync(uid, "grafana test", null, CancellationToken.None);
        return (uid, token.Secret);
    }

    private static async Task SendAsync(HttpClient ingest, string token, DateTimeOffset at, double temperature, double humidity)
    {
        var body = $$$"""{"ts": {{{at.ToUnixTimeMilliseconds()}}}, "values": {"temperature": {{{temperature}}}, "humidity": {{{humidity}}}}}""";
        using var response = await PostAsync(ingest, token, body);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient ingest, string token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/telemetry", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await ingest.SendAsync(request);
    }

    /// <summary>A body no decoder can read, straight onto physical_timeseries: the Silo gives up on it at once.</summary>
    private static async Task DeadLetterAsync(IoTStackTestApplication stack)
    {
        var factory = new ConnectionFactory { Uri = new Uri(await stack.GetConnectionStringAsync("messaging")) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        var properties = new BasicProperties { Persistent = true, MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync(Exchanges.PhysicalTimeseries, string.Empty, false, properties, "not json"u8.ToArray());
    }

    private static async Task WaitForAsync(NpgsqlDataSource database, string condition, params object[] parameters)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (!await ScalarAsync<bool>(database, condition, parameters))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                var seen = await ScalarAsync<string>(database,
                    "SELECT (SELECT string_agg(status || ':' || coalesce(reason, '') || ':' || coalesce(physical_uid::text, '-'), ' | ') FROM raw_messages) || ' || ' || " +
                    "(SELECT coalesce(string_agg(logical_uid || '/' || physical_uid || '/' || name, ' '), 'no points') FROM series_points) || ' || ' || " +
                    "(SELECT coalesce(string_agg(physical_uid || '>' || logical_uid || '@' || start_time || '-' || coalesce(end_time::text, 'open'), ' '), 'no maps') FROM physical_logical_map)");
                throw new TimeoutException($"The pipeline did not get there within 60 s: {condition}; {seen}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource database, string sql, params object[] parameters)
    {
        await using var command = Command(database, sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource database, string sql, params object[] parameters)
    {
        await using var command = Command(database, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlCommand Command(NpgsqlDataSource database, string sql, object[] parameters)
    {
        var command = database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return command;
    }
}
