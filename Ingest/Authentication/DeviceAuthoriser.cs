using System.Security.Cryptography;
using System.Text;
using IoTStack.Ingest.Pipeline;
using IoTStack.Storage.Devices;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace IoTStack.Ingest.Authentication;

/// <summary>
/// Decides which physical device a credential may send as. Verifications are cached for
/// <see cref="IngestOptions.CredentialCacheTtl"/> (2 s by default): that keeps PostgreSQL off the per-message path
/// and bounds how long a revoked or expired token keeps working. Every HTTP request, WebSocket message and MQTT
/// publish goes through here, so a revocation also stops already-open connections.
/// </summary>
public sealed class DeviceAuthoriser(
    CredentialStore credentials,
    PhysicalDeviceDirectory devices,
    IMemoryCache cache,
    IOptions<IngestOptions> options) : IDisposable
{
    // A device found or created under a source credential keeps its uid; the cache only saves the look-up.
    private static readonly TimeSpan SourceDeviceTtl = TimeSpan.FromMinutes(5);

    // A burst of new devices (after a restart: every device) must queue for a few connections, not take the
    // whole PostgreSQL connection budget that the raw log and the other services share.
    private readonly SemaphoreSlim _lookups = new(options.Value.MaxConcurrentCredentialLookups, options.Value.MaxConcurrentCredentialLookups);

    public async Task<CredentialVerification> VerifyAsync(string secret, CancellationToken cancellationToken)
    {
        var key = "credential:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
        if (cache.TryGetValue(key, out CredentialVerification? known) && known is not null)
        {
            return known;
        }

        await _lookups.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue(key, out known) && known is not null)
            {
                return known;
            }

            var verification = await credentials.VerifyAsync(secret, cancellationToken);
            cache.Set(key, verification, options.Value.CredentialCacheTtl);
            return verification;
        }
        finally
        {
            _lookups.Release();
        }
    }

    /// <summary>May the holder of <paramref name="secret"/> send for <paramref name="addressedDevice"/> (null: "myself")?</summary>
    public async Task<SenderAuthorisation> AuthoriseAsync(string secret, string? addressedDevice, CancellationToken cancellationToken)
    {
        CredentialVerification verification;
        try
        {
            verification = await VerifyAsync(secret, cancellationToken);
            return verification.Principal switch
            {
                DevicePrincipal device when addressedDevice is null || device.IsAddressedBy(addressedDevice) => SenderAuthorisation.Allow(device.PhysicalUid),
                DevicePrincipal device => SenderAuthorisation.Deny(RejectionKind.Forbidden,
                    $"This token belongs to device '{device.Name}' and may not send as device '{addressedDevice}'."),
                SourcePrincipal when addressedDevice is null => SenderAuthorisation.Deny(RejectionKind.DeviceMismatch,
                    "A source credential must name the device: in the path, the MQTT topic or a '?device=' query parameter."),
                SourcePrincipal source => SenderAuthorisation.Allow(await SourceDeviceAsync(source.Source, addressedDevice, cancellationToken)),
                _ => SenderAuthorisation.Deny(RejectionKind.Forbidden, verification.Status switch
                {
                    CredentialStatus.Revoked => "The token has been revoked.",
                    CredentialStatus.Expired => "The token has expired.",
                    _ => "The token is not known.",
                }),
            };
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            return SenderAuthorisation.Deny(RejectionKind.Unavailable,
                $"Credentials cannot be checked right now (PostgreSQL unavailable). Retry after {options.Value.UnavailableRetryAfter.TotalSeconds:0} s.");
        }
    }

    private async Task<long> SourceDeviceAsync(string source, string deviceId, CancellationToken cancellationToken)
    {
        var key = $"source-device:{source}\n{deviceId}";
        if (cache.TryGetValue(key, out long uid))
        {
            return uid;
        }

        await _lookups.WaitAsync(cancellationToken);
        try
        {
            uid = await devices.GetOrCreateAsync(source, deviceId, cancellationToken);
        }
        finally
        {
            _lookups.Release();
        }

        cache.Set(key, uid, SourceDeviceTtl);
        return uid;
    }

    public void Dispose() => _lookups.Dispose();
}
