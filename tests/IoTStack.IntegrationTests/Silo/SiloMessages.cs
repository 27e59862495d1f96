using IoTStack.Contracts;

namespace IoTStack.IntegrationTests.Silo;

public static class SiloMessages
{
    /// <summary>AMQP bodies of <paramref name="messagesPerBody"/> messages spread over the devices, timestamped now.</summary>
    public static NormalisedMessage[][] Bodies(IReadOnlyList<long> physicalUids, int bodies, int messagesPerBody, int pointsPerMessage)
    {
        ArgumentNullException.ThrowIfNull(physicalUids);
        var now = DateTimeOffset.UtcNow;
        return Enumerable.Range(0, bodies).Select(b => Enumerable.Range(0, messagesPerBody).Select(m =>
        {
            var n = (b * messagesPerBody) + m;
            return new NormalisedMessage(Guid.NewGuid(), physicalUids[n % physicalUids.Count], null, now.AddMilliseconds(-n),
                Enumerable.Range(0, pointsPerMessage).Select(p => TimeseriesPoint.Number($"p{p}", n)).ToArray());
        }).ToArray()).ToArray();
    }
}
