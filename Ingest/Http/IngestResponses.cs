using System.Globalization;
using IoTStack.Ingest.Pipeline;

namespace IoTStack.Ingest.Http;

/// <summary>202 with the correlation id, or RFC 9457 problem+json carrying the rejection kind and correlation id.</summary>
public static class IngestResponses
{
    public static IResult From(HttpContext http, IngestResult result, TimeSpan retryAfter) =>
        result.Rejection is { } rejection
            ? Problem(http, rejection, result.CorrelationId, retryAfter)
            : Results.Json(new AcceptedBody(result.CorrelationId, result.NormalisedMessages), statusCode: StatusCodes.Status202Accepted);

    public static IResult Problem(HttpContext http, Rejection rejection, Guid? correlationId, TimeSpan retryAfter)
    {
        if (rejection.Kind == RejectionKind.Unavailable)
        {
            http.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        var extensions = new Dictionary<string, object?> { ["reason"] = rejection.Kind.ToString() };
        if (correlationId is { } id)
        {
            extensions["correlation_id"] = id;
        }

        return Results.Problem(rejection.Detail, http.Request.Path, RejectionStatus.For(rejection.Kind), RejectionStatus.Title(rejection.Kind), extensions: extensions);
    }
}
