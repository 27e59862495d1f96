using System.Runtime.InteropServices;
using IoTStack.Contracts;
using IoTStack.Contracts.Devices;
using IoTStack.Silo.Storage;
using Orleans.Concurrency;

namespace IoTStack.Silo.Grains;

/// <summary>
/// A device in the field. Reentrant so one busy device can have several batches in flight; a mapping change
/// blocks new messages until the cached timeline is reloaded, and mapping changes run one at a time.
/// </summary>
[Reentrant]
public sealed class PhysicalDeviceGrain(IDeviceRegistry registry, IMappingStore mappings, IDeviceActivity activity)
    : Grain, IPhysicalDeviceGrain, IDisposable
{
    private readonly SemaphoreSlim _mappingGate = new(1, 1);
    private Task _mappingChange = Task.CompletedTask;
    private MappingTimeline _timeline = MappingTimeline.Empty;
    private bool _known;

    private long Uid => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _known = await registry.PhysicalDeviceExistsAsync(Uid, cancellationToken);
        _timeline = new MappingTimeline(await mappings.GetPhysicalHistoryAsync(Uid, cancellationToken));
    }

    public async Task HandleAsync(IReadOnlyList<NormalisedMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (!_known)
        {
            // Registered since this activation (Ingest registers new devices; an operator may have just mapped it)?
            if (!await registry.PhysicalDeviceExistsAsync(Uid))
            {
                throw new UnknownDeviceException($"Physical device {Uid} is not registered.");
            }

            await RefreshMappingAsync();
            _known = true;
        }

        await _mappingChange;
        // One call per logical device (usually one: the current mapping) for all of this delivery's messages.
        var byLogical = new Dictionary<long, List<NormalisedMessage>>();
        foreach (var message in messages)
        {
            MessageValidation.EnsureValid(message, Uid);
            activity.PhysicalSeen(Uid, message.Timestamp);
            if (_timeline.At(message.Timestamp) is { } mapping)
            {
                ref var mapped = ref CollectionsMarshal.GetValueRefOrAddDefault(byLogical, mapping.LogicalUid, out _);
                (mapped ??= []).Add(message with { LogicalUid = mapping.LogicalUid });
            }
            else
            {
                activity.UnmappedMessage(Uid, message.Timestamp, message.CorrelationId);
            }
        }

        await Task.WhenAll(byLogical.Select(logical => GrainFactory.GetGrain<ILogicalDeviceGrain>(logical.Key).AppendAsync(logical.Value)));
    }

    public Task<DeviceMapping?> GetCurrentMappingAsync() => Task.FromResult(_timeline.Current);

    public Task<IReadOnlyList<DeviceMapping>> GetMappingHistoryAsync() => Task.FromResult(_timeline.History);

    public Task<DeviceMapping> MapToAsync(long logicalUid) => ChangeMappingAsync(async () =>
    {
        var change = await mappings.MapAsync(Uid, logicalUid);
        // The logical device's previous feeder must stop routing to it now, not at its next activation.
        await Task.WhenAll(change.EndedPhysicalUids.Select(uid => GrainFactory.GetGrain<IPhysicalDeviceGrain>(uid).RefreshMappingAsync()));
        return change.Started;
    });

    public Task<DeviceMapping?> EndMappingAsync() => ChangeMappingAsync(() => mappings.EndAsync(Uid));

    public async Task RefreshMappingAsync() => _timeline = new MappingTimeline(await mappings.GetPhysicalHistoryAsync(Uid));

    private async Task<T> ChangeMappingAsync<T>(Func<Task<T>> change)
    {
        await _mappingGate.WaitAsync();
        var changed = new TaskCompletionSource();
        _mappingChange = changed.Task;
        try
        {
            var result = await change();
            await RefreshMappingAsync();
            return result;
        }
        finally
        {
            changed.SetResult();
            _mappingGate.Release();
        }
    }

    public void Dispose() => _mappingGate.Dispose();
}
