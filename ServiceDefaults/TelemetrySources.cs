namespace Microsoft.Extensions.Hosting;

/// <summary>The activity sources and meters of the libraries IoTStack is built on, and its own.</summary>
public static class TelemetrySources
{
    public static readonly string[] ActivitySources =
    [
        "IoTStack.*",
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
        "Npgsql",
        "RabbitMQ.Client.Publisher",
        "RabbitMQ.Client.Subscriber",
    ];

    public static readonly string[] Meters =
    [
        "IoTStack.*",
        "Microsoft.Orleans",
        "Npgsql",
    ];
}
