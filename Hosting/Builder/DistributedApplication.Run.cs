using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace IoTStack.Hosting;

public sealed partial class DistributedApplication
{
    /// <summary>Runs until Ctrl+C or SIGTERM (or writes the manifest with <c>--publisher manifest</c>); sets the exit code.</summary>
    public void Run() => Environment.ExitCode = RunAsync().GetAwaiter().GetResult();

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        if (Options.IsPublishMode)
        {
            return await PublishAsync(cancellationToken);
        }

        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        try
        {
            await StartAsync(shutdown.Token);
            await Task.Delay(Timeout.Infinite, shutdown.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            _logger.LogInformation("Stopping every resource...");
            return 0;
        }
        catch (Exception e) when (e is PortInUseException or StateFolderInUseException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        finally
        {
            await DisposeAsync();
        }

        void OnSignal(PosixSignalContext context)
        {
            // Keep the process alive until every child is stopped; the runtime would otherwise exit at once.
            context.Cancel = true;
            shutdown.Cancel();
        }
    }

    private async Task<int> PublishAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(Options.Publisher, "manifest", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"Unknown publisher '{Options.Publisher}'; the only one is 'manifest'.");
            return 2;
        }

        var path = ManifestPublisher.ResolvePath(Options.OutputPath);
        await ManifestPublisher.WriteAsync(Resources, path, cancellationToken);
        Console.WriteLine($"Wrote the manifest to {path}");
        return 0;
    }
}
