using System.Diagnostics;
using IoTStack.Contracts;
using IoTStack.Simulator;
using RabbitMQ.Client;

namespace IoTStack.Benchmark;

/// <summary>
/// RabbitMQ's ceiling: each message (a normalised message as Ingest would send it) published persistent to a
/// durable queue with publisher confirms, many outstanding at once; the queue is deleted afterwards.
/// </summary>
public static class BrokerCeiling
{
    private const string Queue = "iotstack.bench.ceiling";
    private const int Outstanding = 1000;

    public static async Task<CeilingResult> RunAsync(string amqpUri, long messages, int pointsPerMessage)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null));
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
        var body = SampleBody(pointsPerMessage);
        var properties = new BasicProperties { Persistent = true };
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>(Outstanding);
        for (long i = 0; i < messages; i++)
        {
            pending.Add(channel.BasicPublishAsync(string.Empty, Queue, mandatory: true, properties, body).AsTask());
            if (pending.Count == Outstanding)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        clock.Stop();
        await channel.QueueDeleteAsync(Queue);
        return new CeilingResult("RabbitMQ persistent publish with confirms to a durable queue (messages)", messages, clock.Elapsed.TotalSeconds);
    }

    private static byte[] SampleBody(int points)
    {
        var series = new NoisySeries(1);
        var now = DateTimeOffset.UtcNow;
        var message = new NormalisedMessage(Guid.CreateVersion7(), 1, null, now,
            [.. Enumerable.Range(0, points).Select(i => TimeseriesPoint.Number(NoisySeries.NameOf(i), series.Next(i, now)))]);
        return NormalisedMessageBatch.Serialize([message]);
    }
}
