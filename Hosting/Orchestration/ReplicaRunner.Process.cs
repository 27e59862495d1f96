using System.ComponentModel;
using CliWrap;

namespace IoTStack.Hosting;

internal sealed partial class ReplicaRunner
{
    /// <summary>Runs the process once; false when trying again cannot help (the resource is not available here).</summary>
    private async Task<bool> RunOnceAsync(CancellationToken stopping)
    {
        ProcessSpec spec;
        try
        {
            Update(s => s with { State = ResourceState.Starting, Health = ResourceHealth.Unknown, ProcessId = null });
            spec = await launcher.PrepareAsync(index, stopping);
        }
        catch (ResourceNotAvailableException e)
        {
            Fail(ResourceState.NotAvailable, e.Message);
            return false;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e)
        {
            Fail(ResourceState.FailedToStart, e.Message);
            return true;
        }

        if (spec.Notice is { } notice)
        {
            log.Append(id, $"[apphost] {notice}");
        }

        using var graceful = new CancellationTokenSource();
        using var forceful = new CancellationTokenSource();
        CommandTask<CommandResult> execution;
        try
        {
            execution = Cli.Wrap(spec.FileName)
                .WithArguments(spec.Arguments)
                .WithEnvironmentVariables(spec.Environment)
                .WithWorkingDirectory(spec.WorkingDirectory ?? Environment.CurrentDirectory)
                .WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(line => log.Append(id, line)))
                .WithStandardErrorPipe(PipeTarget.ToDelegate(line => log.Append(id, line)))
                .ExecuteAsync(forceful.Token, graceful.Token);
        }
        catch (Win32Exception e)
        {
            Fail(ResourceState.FailedToStart, e.Message);
            return true;
        }

        Task stopCommand = Task.CompletedTask;
        await using var onStop = stopping.Register(() => stopCommand = BeginStop(spec, execution.ProcessId, graceful, forceful));
        _reason = null;
        log.Append(id, $"[apphost] started pid {execution.ProcessId}: {spec.FileName}");
        record.Write(execution.ProcessId);
        Update(s => s with { State = ResourceState.Running, ProcessId = execution.ProcessId, StartedAt = DateTimeOffset.UtcNow, ExitCode = null });
        using var probing = new CancellationTokenSource();
        var health = MonitorHealthAsync(probing.Token);

        int? exitCode = null;
        try
        {
            exitCode = (await execution).ExitCode;
        }
        catch (OperationCanceledException)
        {
            // Stopped on request; CliWrap waited for the process to end.
        }

        await probing.CancelAsync();
        await health;
        // The stop command (rabbitmqctl stop) may still be talking to epmd; clean up only after it has finished.
        await stopCommand.WaitAsync(StopTimeout, CancellationToken.None).ContinueWith(t => t.Exception, TaskScheduler.Default);
        if (spec.AfterExit is { } afterExit)
        {
            using var timeout = new CancellationTokenSource(StopTimeout);
            await afterExit(timeout.Token).ContinueWith(t => t.Exception, TaskScheduler.Default);
        }

        record.Clear();
        log.Append(id, $"[apphost] exited with code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(stopped)"}");
        Update(s => s with { State = ResourceState.Exited, Health = ResourceHealth.Unknown, ProcessId = null, ExitCode = exitCode });
        return true;
    }

    private static Task BeginStop(ProcessSpec spec, int processId, CancellationTokenSource graceful, CancellationTokenSource forceful)
    {
        forceful.CancelAfter(StopTimeout);
        if (spec.Stop is { } stop)
        {
            return Task.Run(() => stop(forceful.Token), CancellationToken.None);
        }

        if (spec.StopSignal == StopSignal.Terminate)
        {
            // .NET has no API to send SIGTERM to another process; the kill utility does it.
            return Cli.Wrap("kill").WithArguments(["-TERM", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                .WithValidation(CommandResultValidation.None).ExecuteAsync(forceful.Token).Task;
        }

        graceful.Cancel();
        return Task.CompletedTask;
    }
}
