using System.Collections.Concurrent;
using System.Diagnostics;
using IoTStack.Api.Auth;
using IoTStack.Testing;

namespace IoTStack.IntegrationTests.Api;

/// <summary>Nested fields load through DataLoaders: a page of 100 devices costs as many SQL commands as a page of 10.</summary>
[Collection(IoTStackFixture.Collection)]
public sealed class DataLoaderQueryCountTests(IoTStackFixture fixture, InProcessApi inProcess) : ApiTestBase(fixture), IClassFixture<InProcessApi>
{
    private const string Page =
        "query($source: String!, $first: Int!) { physicalDevices(source: $source, first: $first) { edges { node { uid " +
        "currentLogicalDevice { uid currentPhysicalDevice { uid } mappingHistory { isOpen } } " +
        "mappingHistory { isOpen logicalDevice { name } physicalDevice { name } } } } } }";

    [Fact]
    public async Task A_page_of_100_devices_with_nested_fields_runs_a_constant_number_of_SQL_commands()
    {
        var source = await CreateMappedDevicesAsync(100);
        using var client = new ApiClient(inProcess.For(Stack).CreateClient(), Database);
        var token = await client.SignInAsync(Roles.Reader);

        await client.DataAsync(Page, token, new { source, first = 100 }); // warms the pool: first connections load types
        var database = new Npgsql.NpgsqlConnectionStringBuilder(Database.ConnectionString);
        var target = (database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), database.Database);
        var ten = await CommandsAsync(target, () => client.DataAsync(Page, token, new { source, first = 10 }));
        var hundred = await CommandsAsync(target, () => client.DataAsync(Page, token, new { source, first = 100 }));

        // The caller's user row, the page, and one command per nested field: never one per device.
        Assert.True(ten.Count == hundred.Count, $"10 devices: {string.Join(" | ", ten)}; 100 devices: {string.Join(" | ", hundred)}");
        Assert.InRange(hundred.Count, 1, 8);
    }

    /// <summary>
    /// The Npgsql commands this process runs on this stack's database while <paramref name="request"/> is in flight:
    /// the harness's health probes (other databases) and other collections' stacks (other ports) run in this process too.
    /// </summary>
    private static async Task<IReadOnlyCollection<string>> CommandsAsync((string Port, string? Database) target, Func<Task> request)
    {
        var commands = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            // Npgsql also traces opening physical connections; only commands count here.
            ActivityStopped = activity =>
            {
                var server = Convert.ToString(activity.GetTagItem("server.port") ?? activity.GetTagItem("net.peer.port"), System.Globalization.CultureInfo.InvariantCulture);
                var database = activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name");
                if (server == target.Port && Equals(database, target.Database) && !activity.DisplayName.StartsWith("CONNECT", StringComparison.Ordinal))
                {
                    commands.Add(activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await request();
        return commands;
    }

    /// <summary>A source of its own holding <paramref name="count"/> physical devices, each mapped to a logical one.</summary>
    private async Task<string> CreateMappedDevicesAsync(int count)
    {
        var source = $"dl-{Guid.NewGuid():N}";
        await using (var addSource = Database.CreateCommand("INSERT INTO sources (name) VALUES ($1)"))
        {
            addSource.Parameters.Add(new() { Value = source });
            await addSource.ExecuteNonQueryAsync();
        }

        await using var command = Database.CreateCommand("""
            WITH p AS (INSERT INTO physical_devices (source, name) SELECT $1, 'p' || i FROM generate_series(1, $2) i RETURNING uid),
                 l AS (INSERT INTO logical_devices (name) SELECT 'l' || i FROM generate_series(1, $2) i RETURNING uid)
            INSERT INTO physical_logical_map (physical_uid, logical_uid, start_time)
            SELECT p.uid, l.uid, now() FROM (SELECT uid, row_number() OVER (ORDER BY uid) r FROM p) p JOIN (SELECT uid, row_number() OVER (ORDER BY uid) r FROM l) l USING (r);
            """);
        command.Parameters.Add(new() { Value = source });
        command.Parameters.Add(new() { Value = count });
        await command.ExecuteNonQueryAsync();
        return source;
    }
}
