// Usage: dotnet run -c Release --project tools/IoTStack.SiloThroughput -- <postgres connection string> <amqp uri> [messages] [points per message]
// 1. migrates the database and registers 1,000 mapped devices, 2. pre-fills the Silo's queue on physical_timeseries,
// 3. waits while you start the Silo (same ConnectionStrings), 4. reports points/s from the first stored row to the last.
using System.Diagnostics;
using System.Globalization;
using IoTStack.Contracts;
using IoTStack.Messaging;
using IoTStack.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RabbitMQ.Client;

var database = args[0];
var amqp = args[1];
var messages = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200_000;
var pointsPerMessage = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5;
const int Devices = 1_000, MessagesPerBody = 100;

await using var dataSource = NpgsqlDataSource.Create(database);
await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
await Sql(dataSource, $"""
    TRUNCATE series_points;
    INSERT INTO physical_devices (uid, source, name) SELECT g, 'mqtt', 'bench ' || g FROM generate_series(1, {Devices}) g ON CONFLICT DO NOTHING;
    INSERT INTO logical_devices (uid, name) SELECT g, 'bench ' || g FROM generate_series(1, {Devices}) g ON CONFLICT DO NOTHING;
    SELECT map_devices(g, g, now() - interval '1 day') FROM generate_series(1, {Devices}) g
    WHERE NOT EXISTS (SELECT 1 FROM physical_logical_map m WHERE m.physical_uid = g AND m.end_time IS NULL);
    """);

await using var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync();
await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
await ExchangeTopology.DeclareAsync(channel, CancellationToken.None);
await channel.QueueDeclareAsync(ExchangeTopology.SiloQueue, durable: true, exclusive: false, autoDelete: false);
await channel.QueueBindAsync(ExchangeTopology.SiloQueue, Exchanges.PhysicalTimeseries, string.Empty);
await channel.QueuePurgeAsync(ExchangeTopology.SiloQueue);

var now = DateTimeOffset.UtcNow;
var published = Stopwatch.StartNew();
var confirms = new List<Task>();
for (var sent = 0; sent < messages; sent += MessagesPerBody)
{
    var body = Enumerable.Range(sent, Math.Min(MessagesPerBody, messages - sent)).Select(n => new NormalisedMessage(
        Guid.NewGuid(), 1 + (n % Devices), null, now.AddMilliseconds(-n),
        Enumerable.Range(0, pointsPerMessage).Select(p => TimeseriesPoint.Number($"p{p}", n)).ToArray())).ToArray();
    confirms.Add(channel.BasicPublishAsync(Exchanges.PhysicalTimeseries, string.Empty, mandatory: false,
        new BasicProperties { Persistent = true }, NormalisedMessageBatch.Serialize(body)).AsTask());
    if (confirms.Count >= 200)
    {
        await Task.WhenAll(confirms);
        confirms.Clear();
    }
}

await Task.WhenAll(confirms);
var expected = (long)messages * pointsPerMessage;
Console.WriteLine($"Pre-filled {messages:N0} messages ({expected:N0} points, {MessagesPerBody} per AMQP body) in {published.Elapsed.TotalSeconds:F1} s. Start the Silo now.");

var first = await Poll(count => count > 0);
var clock = Stopwatch.StartNew();
var done = await Poll(count => count >= expected);
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"Stored {done:N0} points ({first:N0} seen at the first look) in {seconds:F1} s: {(done - first) / seconds:N0} points/s, {(done - first) / seconds / pointsPerMessage:N0} messages/s.");

async Task<long> Poll(Func<long, bool> until)
{
    while (true)
    {
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM series_points");
        var rows = (long)(await count.ExecuteScalarAsync())!;
        if (until(rows))
        {
            return rows;
        }

        await Task.Delay(200);
    }
}

static async Task Sql(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    await command.ExecuteNonQueryAsync();
}
