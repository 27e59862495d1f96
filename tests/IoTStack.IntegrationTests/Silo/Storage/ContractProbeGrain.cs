namespace IoTStack.IntegrationTests.Silo.Storage;

public interface IContractProbeGrain : IGrainWithIntegerKey
{
    Task SaveAsync(string value);

    Task<string?> LoadAsync();

    Task ClearAsync();

    Task DeactivateAsync();

    Task RemindAsync();

    Task ForgetAsync();
}

/// <summary>Touches every query of the grain storage and reminder contracts.</summary>
public sealed class ContractProbeGrain(
    [PersistentState("probe", ContractProbeGrain.StorageName)] IPersistentState<ProbeState> state) : Grain, IContractProbeGrain, IRemindable
{
    public const string StorageName = "contract";

    public async Task SaveAsync(string value)
    {
        state.State.Value = value;
        await state.WriteStateAsync();
    }

    public Task<string?> LoadAsync() => Task.FromResult(state.State.Value);

    public Task ClearAsync() => state.ClearStateAsync();

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task RemindAsync() => this.RegisterOrUpdateReminder("probe", TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public async Task ForgetAsync()
    {
        if (await this.GetReminder("probe") is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) => Task.CompletedTask;
}

[GenerateSerializer]
public sealed class ProbeState
{
    [Id(0)]
    public string? Value { get; set; }
}
