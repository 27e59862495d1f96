using System.Net.WebSockets;
using System.Text.Json;
using IoTStack.Ingest;
using IoTStack.Ingest.Authentication;
using IoTStack.Ingest.Http;
using IoTStack.Ingest.Pipeline;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>/api/v1/ws</c>: the TUM WebSocket gateway. The upgrade request carries the bearer token (401/403 refuse the
/// upgrade); then each text or binary message is one payload and gets one JSON reply: the 202 body or the problem.
/// </summary>
public static class TelemetryWebSocket
{
    public const string Path = "/api/v1/ws";
    public const string Source = "websocket";

    public static IEndpointRouteBuilder MapTelemetryWebSocket(this IEndpointRouteBuilder app)
    {
        app.Map(Path, RunAsync);
        return app;
    }

    private static async Task<IResult> RunAsync(HttpContext http, string? device, DeviceAuthoriser authoriser, TelemetryPipeline pipeline,
        TimeProvider clock, IOptions<IngestOptions> options)
    {
        var settings = options.Value;
        if (!BearerToken.TryRead(http.Request.Headers.Authorization, out var token, out var problem))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return IngestResponses.Problem(http, new Rejection(RejectionKind.Unauthenticated, problem), null, settings.UnavailableRetryAfter);
        }

        var sender = await authoriser.AuthoriseAsync(token, device, http.RequestAborted);
        if (!sender.Allowed)
        {
            return IngestResponses.Problem(http, sender.Rejection!, null, settings.UnavailableRetryAfter);
        }

        if (!http.WebSockets.IsWebSocketRequest)
        {
            return Results.Problem("This endpoint only accepts WebSocket upgrade requests.", Path, StatusCodes.Status400BadRequest, "WebSocket required");
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var frames = new WebSocketMessages(socket, settings.MaxPayloadBytes);
        while (await frames.ReceiveAsync(http.RequestAborted) is { } frame)
        {
            // Text frames are JSON; binary frames may be either, so the payload's first byte decides.
            var contentType = frame.Binary ? null : "application/json";
            var message = IncomingMessage.Arrived(clock, Source, device, Path, contentType, frame.Payload);

            // Re-checked per message through the short credential cache, so a revocation also ends open sockets.
            var current = await authoriser.AuthoriseAsync(token, device, http.RequestAborted);
            var result = frame.TooLarge
                ? await pipeline.RejectAsync(message, new Rejection(RejectionKind.TooLarge, $"The message is larger than the limit of {settings.MaxPayloadBytes} bytes."))
                : current.Allowed
                    ? await pipeline.IngestAsync(message, current.PhysicalUid)
                    : await pipeline.RejectAsync(message, current.Rejection!);
            await socket.SendAsync(Reply(result), WebSocketMessageType.Text, endOfMessage: true, http.RequestAborted);
            if (result.Rejection?.Kind == RejectionKind.Forbidden)
            {
                await socket.CloseAsync(WebSocketCloseStatus.PolicyViolation, "credential no longer valid", CancellationToken.None);
                break;
            }
        }

        return Results.Empty;
    }

    private static byte[] Reply(IngestResult result) => result.Rejection is { } rejection
        ? JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["status"] = RejectionStatus.For(rejection.Kind),
            ["title"] = RejectionStatus.Title(rejection.Kind),
            ["detail"] = rejection.Detail,
            ["reason"] = rejection.Kind.ToString(),
            ["correlation_id"] = result.CorrelationId,
        })
        : JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["status"] = StatusCodes.Status202Accepted,
            ["correlation_id"] = result.CorrelationId,
            ["messages"] = result.NormalisedMessages,
        });
}
