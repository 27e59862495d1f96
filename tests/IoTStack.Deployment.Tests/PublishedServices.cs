using CliWrap;
using CliWrap.Buffered;

namespace IoTStack.Deployment.Tests;

/// <summary>
/// Each service <c>dotnet publish</c>ed once (Release) into a throwaway folder, shared by every test that runs them:
/// the folder a container image would be built from.
/// </summary>
public sealed class PublishedServices : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["silo"] = "Silo/IoTStack.Silo.csproj",
        ["api"] = "Api/IoTStack.Api.csproj",
        ["ingest"] = "Ingest/IoTStack.Ingest.csproj",
    };

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"iotstack-publish-{Guid.NewGuid():N}");

    /// <summary>The published folder of a service (by its AppHost resource name).</summary>
    public string FolderOf(string service) => Path.Combine(_root, service);

    public async Task InitializeAsync()
    {
        // One at a time: parallel publishes of projects sharing references race on the same obj folders.
        foreach (var (service, project) in Projects)
        {
            var result = await Cli.Wrap("dotnet")
                .WithArguments(["publish", Repository.PathOf(project), "-c", "Release", "-o", FolderOf(service), "--nologo"])
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync();
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"dotnet publish {project} failed:{Environment.NewLine}{result.StandardOutput}");
            }
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        return Task.CompletedTask;
    }
}
