using System.Reflection;
using System.Runtime.CompilerServices;

namespace IoTStack.Hosting;

/// <summary>
/// Lets a test run the real AppHost entry point and take the application it builds instead of running it, so tests
/// start the same topology that <c>dotnet run</c> starts (Aspire.Hosting.Testing does the same with a diagnostic hook).
/// </summary>
internal static class ApplicationCapture
{
    private static readonly AsyncLocal<StrongBox<DistributedApplication?>?> Current = new();

    public static DistributedApplication BuildFromEntryPoint(Assembly appHost, string[] args)
    {
        var entryPoint = appHost.EntryPoint ?? throw new InvalidOperationException($"{appHost.GetName().Name} has no entry point.");
        var box = new StrongBox<DistributedApplication?>();
        Current.Value = box;
        try
        {
            entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : [args]);
        }
        catch (TargetInvocationException e) when (e.InnerException is ApplicationCapturedException)
        {
            // Expected: Build() stopped the entry point before it called Run().
        }
        finally
        {
            Current.Value = null;
        }

        return box.Value ?? throw new InvalidOperationException($"{appHost.GetName().Name} never called builder.Build().");
    }

    public static void OnBuilt(DistributedApplication application)
    {
        if (Current.Value is { } box)
        {
            box.Value = application;
            throw new ApplicationCapturedException();
        }
    }

    private sealed class ApplicationCapturedException : Exception;
}
