using System.Globalization;
using System.Text;
using IoTStack.Api.Auth;

namespace IoTStack.Api.Reports;

/// <summary>
/// <c>GET /reports/{runId}.csv</c>: one run's figures as RFC 4180 CSV, for users with at least the reader role
/// (like the GraphQL report fields; consumers' API keys are not enough, reports span many devices).
/// </summary>
public static class ReportCsvEndpoint
{
    public static IEndpointRouteBuilder MapReportCsvEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reports/{file}", DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(string file, HttpContext context, ReportStore reports)
    {
        if (!context.User.IsAuthenticated())
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Send a bearer token.");
        }

        if (!Roles.AtLeast(Roles.Reader).Any(context.User.IsInRole))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Reports need the reader role or above.");
        }

        if (!file.EndsWith(".csv", StringComparison.Ordinal)
            || !long.TryParse(file.AsSpan(0, file.Length - 4), NumberStyles.None, CultureInfo.InvariantCulture, out var runId))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Reports are at /reports/{runId}.csv.");
        }

        if (await reports.FindRunAsync(runId, context.RequestAborted) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No report run {runId}.");
        }

        var rows = await reports.ResultsAsync(runId, context.RequestAborted);
        return Results.File(Encoding.UTF8.GetBytes(ReportCsv.Write(rows)), "text/csv; charset=utf-8", $"report-{runId}.csv");
    }
}
