using IoTStack.Storage.Devices;
using Npgsql;

namespace IoTStack.Simulator;

/// <summary>
/// Registers simulated devices straight in the registry: a physical device mapped to a logical one (the Silo
/// stores points per logical device) and a device token hashed by the shared <see cref="SecretToken"/>, a thousand
/// devices per round trip (the benchmark registers 10,000; <see cref="CredentialStore"/> issues one at a time).
/// The stop-gap until the Api's GraphQL <c>createPhysicalDevice</c>/<c>issueDeviceToken</c> is on main.
/// </summary>
public static class DirectRegistrar
{
    private const int Chunk = 1000;

    public static async Task<IReadOnlyList<SimulatedDevice>> RegisterAsync(string connectionString, int count, string prefix, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var devices = new List<SimulatedDevice>(count);
        for (var first = 0; first < count; first += Chunk)
        {
            var names = Enumerable.Range(first, Math.Min(Chunk, count - first)).Select(i => $"{prefix}-{i:D5}").ToArray();
            var tokens = names.Select(_ => SecretToken.Generate(CredentialStore.DeviceTokenPrefix)).ToArray();
            await using var command = dataSource.CreateCommand("""
                WITH n AS (SELECT * FROM unnest($1::text[], $2::bytea[]) AS t(name, hash)),
                     p AS (INSERT INTO physical_devices (source, name) SELECT 'mqtt', name FROM n RETURNING uid, name),
                     l AS (INSERT INTO logical_devices (name) SELECT name FROM n RETURNING uid, name),
                     m AS (INSERT INTO physical_logical_map (physical_uid, logical_uid, start_time)
                           SELECT p.uid, l.uid, now() - interval '1 day' FROM p JOIN l USING (name)),
                     k AS (INSERT INTO device_tokens (physical_uid, token_hash, description)
                           SELECT p.uid, n.hash, 'simulator' FROM p JOIN n USING (name))
                SELECT uid, name FROM p
                """);
            command.Parameters.Add(new() { Value = names });
            command.Parameters.Add(new() { Value = tokens.Select(SecretToken.Hash).ToArray() });
            var uids = new Dictionary<string, long>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    uids[reader.GetString(1)] = reader.GetInt64(0);
                }
            }

            devices.AddRange(names.Select((name, i) => new SimulatedDevice(uids[name], name, tokens[i])));
        }

        return devices;
    }
}
