using System.Globalization;
using System.Text.Json;
using IoTStack.Api.Auth;
using IoTStack.Api.Registry;

namespace IoTStack.Api.Fetch;

/// <summary>
/// CroMFlaG2's read path, <c>GET /fetch/{device}?from=&lt;ms&gt;&amp;to=&lt;ms&gt;</c>, for its existing clients.
/// The original spliced the parameters into its query text; here they are parsed as integers and bound.
/// Readers (and above) read any device, consumers only the devices they were granted.
/// </summary>
public static class FetchEndpoint
{
    public static IEndpointRouteBuilder MapFetchEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/fetch/{device}", FetchAsync);
        return endpoints;
    }

    private static async Task<IResult> FetchAsync(
        string device, HttpContext context, LogicalDeviceStore devices, ConsumerStore consumers, FetchRows rows)
    {
        if (!context.User.IsAuthenticated())
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Send a bearer token or an API key.");
        }

        if (!TryMilliseconds(context.Request.Query["from"], out var from) || !TryMilliseconds(context.Request.Query["to"], out var to))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "'from' and 'to' must be integers: epoch milliseconds.");
        }

        var logical = await devices.FindByUidOrNameAsync(device, context.RequestAborted);
        var consumerId = context.User.GetConsumerId();
        if (consumerId is { } id && (logical is null || !await consumers.IsGrantedAsync(id, logical.Uid, context.RequestAborted)))
        {
            // A consumer learns nothing about devices it was not granted, not even whether they exist.
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "This API key was not granted that device.");
        }

        if (logical is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No device '{device}'.");
        }

        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        await rows.WriteAsync(writer, logical.Uid, from, to, context.RequestAborted);
        return Results.Empty;
    }

    private static bool TryMilliseconds(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            && ms >= DateTimeOffset.MinValue.ToUnixTimeMilliseconds() && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            time = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }

        return false;
    }
}
