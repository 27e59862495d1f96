using IoTStack.Ingest.Authentication;
using IoTStack.Ingest.Pipeline;
using Microsoft.Extensions.Options;

namespace IoTStack.Ingest.Http;

/// <summary>One HTTP telemetry request: size limit, bearer token, device authorisation, then the pipeline.</summary>
public sealed class HttpTelemetryHandler(TelemetryPipeline pipeline, DeviceAuthoriser authoriser, TimeProvider clock, IOptions<IngestOptions> options)
{
    public const string Source = "http";

    /// <param name="device">The device named by the path or the <c>device</c> query parameter; null means "the token's device".</param>
    public async Task<IResult> HandleAsync(HttpContext http, string? device)
    {
        var settings = options.Value;
        var request = http.Request;
        var (payload, tooLarge) = await RequestBody.ReadAsync(request, settings.MaxPayloadBytes, http.RequestAborted);
        var message = IncomingMessage.Arrived(clock, Source, device, request.Path, request.ContentType, payload);
        if (tooLarge)
        {
            return Respond(http, await pipeline.RejectAsync(message, new Rejection(RejectionKind.TooLarge,
                $"The payload is larger than the limit of {settings.MaxPayloadBytes} bytes.")));
        }

        if (!BearerToken.TryRead(request.Headers.Authorization, out var token, out var problem))
        {
            return Respond(http, await pipeline.RejectAsync(message, new Rejection(RejectionKind.Unauthenticated, problem)));
        }

        var sender = await authoriser.AuthoriseAsync(token, device, http.RequestAborted);
        var result = sender.Allowed
            ? await pipeline.IngestAsync(message, sender.PhysicalUid)
            : await pipeline.RejectAsync(message, sender.Rejection!);
        return Respond(http, result);
    }

    private IResult Respond(HttpContext http, IngestResult result)
    {
        if (result.Rejection?.Kind == RejectionKind.Unauthenticated)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }

        return IngestResponses.From(http, result, options.Value.UnavailableRetryAfter);
    }
}
