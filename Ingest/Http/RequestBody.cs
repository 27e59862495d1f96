using System.Buffers;

namespace IoTStack.Ingest.Http;

/// <summary>Reads a request body up to a limit, so an oversized one is refused without buffering it whole.</summary>
public static class RequestBody
{
    /// <summary>How much of an oversized body is kept in raw_messages: enough to recognise the sender's mistake.</summary>
    public const int KeptPrefixOfOversized = 1024;

    /// <returns>The body, or (when it is over <paramref name="limit"/>) its first bytes and <c>TooLarge</c> = true.</returns>
    public static async Task<(ReadOnlyMemory<byte> Payload, bool TooLarge)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (await ReadPrefixAsync(request.Body, cancellationToken), true);
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(8192), cancellationToken);
            if (read == 0)
            {
                return (buffer.WrittenMemory, false);
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return (buffer.WrittenMemory[..KeptPrefixOfOversized], true);
            }
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadPrefixAsync(Stream body, CancellationToken cancellationToken)
    {
        var prefix = new byte[KeptPrefixOfOversized];
        var read = await body.ReadAtLeastAsync(prefix, prefix.Length, throwOnEndOfStream: false, cancellationToken);
        return prefix.AsMemory(0, read);
    }
}
