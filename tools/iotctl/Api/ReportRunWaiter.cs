using System.Text.Json.Nodes;
using IoTStack.Cli.Queries;

namespace IoTStack.Cli.Api;

/// <summary>
/// 'report run --wait': polls <c>reportRun</c> until the run reports <c>finishedAt</c>. Today the Api runs the report
/// before answering, so the first poll ends it; polling rather than trusting that keeps --wait right if runs are queued.
/// </summary>
public static class ReportRunWaiter
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    public static async Task<JsonNode> FinishedAsync(GraphQLClient api, long runId, CancellationToken cancellationToken)
    {
        var giveUpAt = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (await ReportQueries.RunWithResultsAsync(api, runId, cancellationToken) is { } run && run["finishedAt"] is not null)
            {
                return run;
            }

            if (DateTime.UtcNow > giveUpAt)
            {
                throw new ApiException($"Report run {runId} had not finished after {Deadline.TotalMinutes} minutes; see it later with 'iotctl report get --run {runId}'.");
            }

            await Task.Delay(Interval, cancellationToken);
        }
    }
}
