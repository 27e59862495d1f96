using IoTStack.Api.Registry;

namespace IoTStack.Api.GraphQL.DataLoading;

/// <summary>
/// The nested fields of devices and mappings, each loaded in one query per request level
/// (a page of 100 devices with their current mapping and history costs a constant number of queries). Scoped per request.
/// </summary>
public sealed class DeviceLoaders(PhysicalDeviceStore physical, LogicalDeviceStore logical, MappingStore mappings)
{
    public BatchLoader<long, PhysicalDevice?> PhysicalByUid { get; } = new(
        async (uids, ct) => (await physical.GetManyAsync(uids, ct)).ToDictionary(d => d.Uid, d => (PhysicalDevice?)d), null);

    public BatchLoader<long, LogicalDevice?> LogicalByUid { get; } = new(
        async (uids, ct) => (await logical.GetManyAsync(uids, ct)).ToDictionary(d => d.Uid, d => (LogicalDevice?)d), null);

    public BatchLoader<long, LogicalDevice?> CurrentLogicalOfPhysical { get; } = new(
        async (uids, ct) => (await mappings.CurrentLogicalByPhysicalAsync(uids, ct)).ToDictionary(p => p.Key, p => (LogicalDevice?)p.Value), null);

    public BatchLoader<long, PhysicalDevice?> CurrentPhysicalOfLogical { get; } = new(
        async (uids, ct) => (await mappings.CurrentPhysicalByLogicalAsync(uids, ct)).ToDictionary(p => p.Key, p => (PhysicalDevice?)p.Value), null);

    public BatchLoader<long, IReadOnlyList<Mapping>> HistoryOfPhysical { get; } = new(
        async (uids, ct) => ToLists(await mappings.HistoryByPhysicalAsync(uids, ct)), []);

    public BatchLoader<long, IReadOnlyList<Mapping>> HistoryOfLogical { get; } = new(
        async (uids, ct) => ToLists(await mappings.HistoryByLogicalAsync(uids, ct)), []);

    private static Dictionary<long, IReadOnlyList<Mapping>> ToLists(ILookup<long, Mapping> lookup) =>
        lookup.ToDictionary(group => group.Key, group => (IReadOnlyList<Mapping>)[.. group]);
}
