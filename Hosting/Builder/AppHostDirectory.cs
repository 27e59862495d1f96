using System.Reflection;

namespace IoTStack.Hosting;

/// <summary>Finds the AppHost project folder: stamped into the assembly at build time, else the working directory.</summary>
internal static class AppHostDirectory
{
    public const string MetadataKey = "IoTStack.AppHostDirectory";

    public static string Of(Assembly appHost) =>
        appHost.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == MetadataKey && Directory.Exists(a.Value))?.Value
        ?? Environment.CurrentDirectory;
}
