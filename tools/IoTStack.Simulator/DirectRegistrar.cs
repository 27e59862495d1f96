using IoTStack.Storage.Devices;
using Npgsql;

namespace IoTStack.Simulator;

/// <summary>
/// Registers simulated devices straight in the registry through the shared <see cref="CredentialStore"/>: a
/// physical device mapped to a logical one (the Silo stores points per logical device) and a device token.
/// The stop-gap until the Api's GraphQL <c>createPhysicalDevice</c>/<c>issueDeviceToken</c> is on main.
/// </summary>
public static class DirectRegistrar
{
    public static async Task<IReadOnlyList<SimulatedDevice>> RegisterAsync(string connectionString, int count, string prefix, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var credentials = new CredentialStore(dataSource, TimeProvider.System);
        var devices = new List<SimulatedDevice>(count);
        for (var i = 0; i < count; i++)
        {
            var name = $"{prefix}-{i:D5}";
            await using var command = dataSource.CreateCommand("""
                WITH p AS (INSERT INTO physical_devices (source, name) VALUES ('mqtt', $1) RETURNING uid),
                     l AS (INSERT INTO logical_devices (name) VALUES ($1) RETURNING uid),
                     m AS (INSERT INTO physical_logical_map (physical_uid, logical_uid, start_time)
                           SELECT p.uid, l.uid, now() - interval '1 day' FROM p, l)
                SELECT uid FROM p
                """);
            command.Parameters.Add(new() { Value = name });
            var uid = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            var token = await credentials.IssueDeviceTokenAsync(uid, "simulator", null, cancellationToken);
            devices.Add(new SimulatedDevice(uid, name, token.Secret));
        }

        return devices;
    }
}
