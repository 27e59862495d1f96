namespace IoTStack.Simulator;

/// <summary>
/// Registers simulated devices through the Api, as an operator would: <c>createPhysicalDevice</c>, then
/// <c>issueDeviceToken</c> (and a mapped logical device), a chunk of devices per GraphQL request and a few requests
/// at once, so the benchmark's 10,000 devices take seconds, not minutes.
/// </summary>
public static class ApiRegistrar
{
    private const int DevicesPerRequest = 100;
    private const int RequestsAtOnce = 4;

    public static async Task<IReadOnlyList<SimulatedDevice>> RegisterAsync(
        ApiSession api, int count, string prefix, bool mapToLogical, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var chunks = Enumerable.Range(0, count).Select(i => $"{prefix}-{i:D5}").Chunk(DevicesPerRequest).ToArray();
        var registered = new SimulatedDevice[chunks.Length][];
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Length),
            new ParallelOptions { MaxDegreeOfParallelism = RequestsAtOnce, CancellationToken = cancellationToken },
            async (chunk, ct) => registered[chunk] = await RegisterChunkAsync(api, chunks[chunk], mapToLogical, ct));
        return [.. registered.SelectMany(devices => devices)];
    }

    private static async Task<SimulatedDevice[]> RegisterChunkAsync(ApiSession api, string[] names, bool mapToLogical, CancellationToken cancellationToken)
    {
        // Mutation fields run one after another (GraphQL's rule), so the uids are final before the tokens refer to them.
        var created = await api.ExecuteAsync(RegistrationDocuments.CreatePhysical(names), cancellationToken);
        var uids = names.Select((_, i) => created.GetProperty($"d{i}").GetProperty("uid").GetInt64()).ToArray();
        var issued = await api.ExecuteAsync(RegistrationDocuments.IssueTokens(uids, mapToLogical), cancellationToken);
        return [.. names.Select((name, i) => new SimulatedDevice(uids[i], name, issued.GetProperty($"t{i}").GetProperty("token").GetString()!))];
    }
}
