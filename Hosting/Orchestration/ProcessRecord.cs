using System.Diagnostics;

namespace IoTStack.Hosting;

/// <summary>
/// Remembers which process serves a replica (pid and kernel start time, so a reused pid is never mistaken for it).
/// If the AppHost died without stopping its children (SIGKILL, a closed terminal), the next AppHost on the same
/// state folder ends them before starting new ones, instead of failing on a busy port or a locked data folder.
/// </summary>
internal sealed class ProcessRecord(string path)
{
    public static string FolderOf(string stateDirectory) => Path.Combine(stateDirectory, "pids");

    /// <summary>Ends whatever a previous AppHost on this state folder left running.</summary>
    public static Task EndAllStaleAsync(string stateDirectory) =>
        Directory.Exists(FolderOf(stateDirectory))
            ? Task.WhenAll(Directory.GetFiles(FolderOf(stateDirectory)).Select(file => new ProcessRecord(file).EndStaleAsync(TimeSpan.FromSeconds(5))))
            : Task.CompletedTask;

    public void Write(int processId)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"{processId} {StartTimeOf(processId)}");
    }

    public void Clear() => File.Delete(path);

    /// <summary>Ends the recorded process tree if that very process is still alive (SIGTERM, then SIGKILL).</summary>
    public async Task EndStaleAsync(TimeSpan grace)
    {
        if (!File.Exists(path) || File.ReadAllText(path).Split(' ') is not [var pidText, var startText]
            || !int.TryParse(pidText, out var pid) || startText.Length == 0 || StartTimeOf(pid) != startText)
        {
            Clear();
            return;
        }

        using var process = TryGetProcess(pid);
        if (process is null)
        {
            Clear();
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", pidText]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        Clear();
    }

    private static Process? TryGetProcess(int pid)
    {
        try
        {
            return Process.GetProcessById(pid);
        }
        catch (ArgumentException)
        {
            return null; // It ended meanwhile.
        }
    }

    /// <summary>Field 22 of /proc/pid/stat: when the process started, in clock ticks since boot.</summary>
    private static string StartTimeOf(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (IOException)
        {
            return "";
        }
    }
}
