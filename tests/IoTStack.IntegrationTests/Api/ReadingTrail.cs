using System.Net.Http.Json;
using System.Text.Json;
using IoTStack.Testing;
using Npgsql;

namespace IoTStack.IntegrationTests.Api;

/// <summary>What became of a device's readings, for a test's failure message: lost in the pipeline, or stored but not streamed.</summary>
public static class ReadingTrail
{
    public static async Task<string> DescribeAsync(IoTStackTestApplication stack, NpgsqlDataSource database, long physicalUid)
    {
        await using var command = database.CreateCommand(
            "SELECT (SELECT string_agg(n || '× ' || s, ', ') FROM (SELECT status || coalesce(': ' || reason, '') s, count(*) n " +
            "FROM raw_messages WHERE physical_uid = $1 GROUP BY 1) g), " +
            "(SELECT count(*) FROM series_points WHERE physical_uid = $1)");
        command.Parameters.Add(new() { Value = physicalUid });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var trail = $"Raw messages: [{(reader.IsDBNull(0) ? "" : reader.GetString(0))}]; points stored: {reader.GetInt64(1)}.";

        using var dashboard = new HttpClient { BaseAddress = stack.DashboardUrl };
        foreach (var resource in new[] { "silo", "api" })
        {
            var log = await dashboard.GetFromJsonAsync<JsonElement>(new Uri($"/api/resources/{resource}/logs?after=0", UriKind.Relative));
            var tail = log.GetProperty("lines").EnumerateArray().Select(line => $"{resource}: {line.GetProperty("text").GetString()}").TakeLast(25);
            trail += Environment.NewLine + string.Join(Environment.NewLine, tail);
        }

        return trail;
    }
}
