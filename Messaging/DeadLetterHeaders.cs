namespace IoTStack.Messaging;

/// <summary>The AMQP headers that explain a dead-lettered message (and count attempts before it got there).</summary>
public static class DeadLetterHeaders
{
    /// <summary>Why the message was given up on, in words an operator can act on.</summary>
    public const string Reason = "x-iotstack-reason";

    /// <summary>How many times the message was tried; also carried by messages re-queued for another attempt.</summary>
    public const string Attempts = "x-iotstack-attempts";

    /// <summary>The exchange the message first arrived on, where a re-queue sends it back.</summary>
    public const string OriginalExchange = "x-iotstack-original-exchange";

    /// <summary>The queue whose consumer gave up on it.</summary>
    public const string OriginalQueue = "x-iotstack-original-queue";

    /// <summary>When it was dead-lettered (ISO 8601, UTC).</summary>
    public const string DeadLetteredAt = "x-iotstack-dead-lettered-at";

    /// <summary>The last error of a message re-queued for another attempt.</summary>
    public const string LastError = "x-iotstack-last-error";

    public static string? GetString(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
                null => null,
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
            }
            : null;

    public static int GetAttempts(IDictionary<string, object?>? headers) =>
        int.TryParse(GetString(headers, Attempts), System.Globalization.CultureInfo.InvariantCulture, out var attempts) ? attempts : 0;
}
