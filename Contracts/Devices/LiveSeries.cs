using Orleans.Runtime;

namespace IoTStack.Contracts.Devices;

/// <summary>
/// Where live readings flow: the Orleans memory stream provider <see cref="ProviderName"/>, one stream per logical
/// device in namespace <see cref="Namespace"/>. Silo and Api clients register the provider under the same name.
/// </summary>
public static class LiveSeries
{
    public const string ProviderName = "live";

    public const string Namespace = "logical-device";

    public static StreamId For(long logicalUid) => StreamId.Create(Namespace, logicalUid);
}
