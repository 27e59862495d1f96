using IoTStack.Api.Registry;

namespace IoTStack.Api.Devices;

/// <summary>
/// Starts and ends physical→logical mappings. The Silo's device grains own this (they cache the mapping that routes
/// every message), so the API goes through them rather than writing the table behind their back.
/// </summary>
public interface IDeviceMappings
{
    /// <summary>Maps the devices from now on, ending any open mapping either of them had (IoTa's <c>map start</c>).</summary>
    Task<Mapping> MapAsync(long physicalUid, long logicalUid, CancellationToken cancellationToken);

    /// <summary>Ends the open mapping of a physical device; null when it had none.</summary>
    Task<Mapping?> EndForPhysicalAsync(long physicalUid, CancellationToken cancellationToken);

    /// <summary>Ends the open mapping of a logical device; null when it had none.</summary>
    Task<Mapping?> EndForLogicalAsync(long logicalUid, CancellationToken cancellationToken);
}
