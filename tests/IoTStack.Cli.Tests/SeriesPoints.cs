using IoTStack.Testing;
using Npgsql;

namespace IoTStack.Cli.Tests;

/// <summary>The readiness signal a report test waits on: the Silo has stored a logical device's points.</summary>
public static class SeriesPoints
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task WaitForAsync(IoTStackTestApplication stack, long logicalUid, int count)
    {
        await using var database = NpgsqlDataSource.Create(await stack.GetConnectionStringAsync("iotdb"));
        await using var command = database.CreateCommand("SELECT count(*) FROM series_points WHERE logical_uid = $1");
        command.Parameters.Add(new() { Value = logicalUid });
        var giveUpAt = DateTime.UtcNow + Deadline;
        long stored;
        while ((stored = (long)(await command.ExecuteScalarAsync())!) < count)
        {
            Assert.True(DateTime.UtcNow < giveUpAt, $"Only {stored} of {count} points of logical device {logicalUid} were stored within {Deadline}.");
            await Task.Delay(200);
        }
    }
}
