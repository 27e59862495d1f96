using System.Text.Json;

namespace IoTStack.Benchmark;

/// <summary>Starts the stack, runs the selected phases in order and writes bench/results/&lt;date&gt;.{md,json}.</summary>
public static class BenchmarkRun
{
    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var notes = new List<string>();
        if (!string.IsNullOrEmpty(options.Note))
        {
            notes.Add(options.Note);
        }

        Console.Error.WriteLine("Starting the stack (AppHost topology, dynamic ports)...");
        await using var stack = await StackUnderTest.StartAsync(options.SiloReplicas, cancellationToken);
        EndToEndResult? endToEnd = null;
        CeilingResult? copy = null, broker = null;
        ConnectionsResult? connections = null;
        if (options.Rate > 0 && options.DurationSeconds > 0)
        {
            Console.Error.WriteLine($"End to end: {options.Rate} msg/s for {options.DurationSeconds} s over {options.Devices} devices");
            endToEnd = await EndToEndPhase.RunAsync(stack, options, cancellationToken);
        }

        if (options.Ceilings)
        {
            var messages = endToEnd?.Sent.Sent ?? (long)(options.Rate * options.DurationSeconds);
            Console.Error.WriteLine($"Ceilings: COPY of {messages * options.Points} points, confirmed publish of {messages} messages");
            copy = await CopyCeiling.RunAsync(stack.DatabaseConnectionString, messages * options.Points, options.Points);
            broker = await BrokerCeiling.RunAsync(stack.MessagingConnectionString, messages, options.Points);
        }

        if (options.Connections > 0)
        {
            Console.Error.WriteLine($"Connections: {options.Connections} idle for {options.HoldSeconds} s");
            connections = await ConnectionsPhase.RunAsync(stack, options, cancellationToken);
        }

        QueryResult? query = null;
        if (options.QueryRuns > 0 && options.QueryPoints > 0)
        {
            Console.Error.WriteLine($"Query: {options.QueryPoints} points into {options.QueryBuckets} buckets, {options.QueryRuns} runs per aggregate");
            query = await QueryPhase.RunAsync(stack, options, cancellationToken);
        }

        var report = new BenchmarkReport(startedAt, BenchmarkReport.DescribeMachine(), options, endToEnd, copy, broker, connections, query, notes);
        Directory.CreateDirectory(options.OutputDirectory);
        var path = Path.Combine(options.OutputDirectory, $"{startedAt:yyyy-MM-dd-HHmm}");
        var markdown = MarkdownReport.Render(report);
        await File.WriteAllTextAsync(path + ".md", markdown, cancellationToken);
        await File.WriteAllTextAsync(path + ".json", JsonSerializer.Serialize(report, JsonOptions), cancellationToken);
        Console.WriteLine(markdown);
        Console.Error.WriteLine($"Written {path}.md and {path}.json");
        return 0;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
