namespace IoTStack.Hosting;

/// <summary>Runs a built service with <c>dotnet &lt;Service.dll&gt;</c> from its project folder (as <c>dotnet run</c> would).</summary>
internal sealed class ProjectLauncher(ProjectResource project, LaunchContext context) : IResourceLauncher
{
    public Task<ProcessSpec> PrepareAsync(int replica, CancellationToken cancellationToken)
    {
        var assembly = project.Metadata.TargetPath;
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} does not exist: build the AppHost first (dotnet build AppHost), which builds every service.");
        }

        return Task.FromResult(new ProcessSpec(DotNetHost.Path, [assembly])
        {
            Environment = LaunchContext.ResolveEnvironment(project, replica),
            WorkingDirectory = System.IO.Path.GetDirectoryName(project.Metadata.ProjectPath),
            StopSignal = StopSignal.Terminate,
        });
    }

    public async Task<bool> CheckHealthAsync(int replica, CancellationToken cancellationToken)
    {
        var http = project.Endpoints.FirstOrDefault(e => e.IsHttp);
        if (http is null)
        {
            return true;
        }

        using var response = await context.Http.GetAsync(new Uri($"{http.GetUrl(replica)}/health"), cancellationToken);
        return response.IsSuccessStatusCode;
    }
}
