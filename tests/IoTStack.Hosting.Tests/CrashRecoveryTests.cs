using System.Diagnostics;

namespace IoTStack.Hosting.Tests;

/// <summary>One AppHost per state folder, and what a killed AppHost left running is ended by the next one.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), $"iotstack-unit-{Guid.NewGuid():N}");

    [Fact]
    public void A_second_apphost_on_the_same_state_folder_is_refused_with_a_clear_message()
    {
        using var first = StateFolderLock.Acquire(_state);

        var error = Assert.Throws<StateFolderInUseException>(() => StateFolderLock.Acquire(_state));

        Assert.Contains(_state, error.Message, StringComparison.Ordinal);
        Assert.Contains("--IoTStack:StateDirectory=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recorded_process_left_running_is_ended_before_anything_starts()
    {
        using var orphan = Process.Start("sleep", "60");
        new ProcessRecord(Path.Combine(ProcessRecord.FolderOf(_state), "api")).Write(orphan.Id);

        await ProcessRecord.EndAllStaleAsync(_state);

        Assert.True(orphan.HasExited);
        Assert.Empty(Directory.GetFiles(ProcessRecord.FolderOf(_state)));
    }

    [Fact]
    public async Task A_reused_process_id_is_never_mistaken_for_the_recorded_process()
    {
        using var unrelated = Process.Start("sleep", "60");
        var record = Path.Combine(ProcessRecord.FolderOf(_state), "api");
        Directory.CreateDirectory(ProcessRecord.FolderOf(_state));
        await File.WriteAllTextAsync(record, $"{unrelated.Id} 1");

        await ProcessRecord.EndAllStaleAsync(_state);

        Assert.False(unrelated.HasExited);
        unrelated.Kill();
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }
}
