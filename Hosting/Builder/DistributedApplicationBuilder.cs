using Microsoft.Extensions.Configuration;

namespace IoTStack.Hosting;

/// <summary>Collects the topology (Aspire's <c>IDistributedApplicationBuilder</c>).</summary>
public sealed class DistributedApplicationBuilder
{
    // The same switches as Aspire's AppHost, so azd-style tooling can ask for the manifest.
    private static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--publisher"] = "Publishing:Publisher",
        ["--output-path"] = "Publishing:OutputPath",
    };

    private readonly List<Resource> _resources = [];
    private readonly ParameterStore _parameters;

    internal DistributedApplicationBuilder(string[] args, string appHostDirectory)
    {
        Configuration = new ConfigurationManager();
        Configuration.AddJsonFile(Path.Combine(appHostDirectory, "appsettings.json"), optional: true);
        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(args, SwitchMappings);
        Options = HostingOptions.From(Configuration, appHostDirectory);
        _parameters = new ParameterStore(Path.Combine(Options.StateDirectory, "parameters"));
    }

    public ConfigurationManager Configuration { get; }

    public HostingOptions Options { get; }

    public IReadOnlyList<Resource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : Resource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"A resource named '{resource.Name}' already exists.");
        }

        _resources.Add(resource);
        return new ResourceBuilder<T>(resource, this);
    }

    /// <summary>A secret generated once and kept in the state folder (the manifest asks the deployer to generate it).</summary>
    public ParameterResource AddGeneratedParameter(string name, GenerateOptions generate)
    {
        var parameter = new ParameterResource(name, () => _parameters.GetOrCreate(name, generate), generate, secret: true);
        AddResource(parameter);
        return parameter;
    }

    /// <summary>A value that is fresh on every run (the manifest still describes it as generated).</summary>
    public ParameterResource AddRunParameter(string name, Func<string> value, GenerateOptions generate)
    {
        var parameter = new ParameterResource(name, value, generate, secret: false);
        AddResource(parameter);
        return parameter;
    }

    public DistributedApplication Build()
    {
        if (!Options.IsPublishMode)
        {
            PortAllocator.Allocate(_resources, Configuration, Options.DynamicPorts);
        }

        var application = new DistributedApplication(_resources, Options);
        ApplicationCapture.OnBuilt(application);
        return application;
    }
}
