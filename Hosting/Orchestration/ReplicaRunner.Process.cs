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

        using var graceful = new CancellationTokenSource();
        using var forceful = new CancellationTokenSource();
        Task stopCommand = Task.CompletedTask;
        await using var onStop = stopping.Register(() => stopCommand = BeginStop(spec, graceful, forceful));
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

        _reason = null;
        log.Append(id, $"[apphost] started pid {execution.ProcessId}: {spec.FileName}");
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

        log.Append(id, $"[apphost] exited with code {exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(stopped)"}");
        Update(s => s with { State = ResourceState.Exited, Health = ResourceHealth.Unknown, ExitCode = exitCode });
        return true;
    }

    private static Task BeginStop(ProcessSpec spec, CancellationTokenSource graceful, CancellationTokenSource forceful)
    {
        forceful.CancelAfter(StopTimeout);
        if (spec.Stop is { } stop)
        {
            return Task.Run(() => stop(forceful.Token), CancellationToken.None);
        }

        graceful.Cancel();
        return Task.CompletedTask;
    }

    private async Task MonitorHealthAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            bool healthy;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(3));
                healthy = await launcher.CheckHealthAsync(index, timeout.Token);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                healthy = false;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Update(s => s with { Health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy });
            // Probe often until the first success so dependants start quickly, then calmly.
            var interval = healthy ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(300);
            await Task.Delay(interval, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private void Fail(ResourceState state, string reason)
    {
        _reason = reason;
        log.Append(id, $"[apphost] {state}: {reason}");
        Update(s => s with { State = state, Health = ResourceHealth.Unknown, ProcessId = null });
    }

    private void Update(Func<ReplicaSnapshot, ReplicaSnapshot> change)
    {
        lock (_gate)
        {
            _snapshot = change(_snapshot);
        }

        changed();
    }
}
