using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace IoTStack.Hosting.Tests;

/// <summary><c>--publisher manifest</c> writes a schema-valid Aspire manifest whose expressions all resolve, and starts nothing.</summary>
public sealed partial class ManifestTests : IAsyncLifetime, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"iotstack-manifest-{Guid.NewGuid():N}");
    private AppHostTopology? _topology;
    private int _exitCode;
    private JsonElement _resources;

    private string ManifestPath => Path.Combine(_folder, "aspire-manifest.json");

    public async Task InitializeAsync()
    {
        _topology = new AppHostTopology("--publisher", "manifest", "--output-path", _folder);
        _exitCode = await _topology.Application.RunAsync();
        _resources = JsonDocument.Parse(await File.ReadAllTextAsync(ManifestPath)).RootElement.GetProperty("resources");
    }

    [Fact]
    public async Task Is_valid_against_the_manifest_schema()
    {
        await using var schemaStream = typeof(ManifestTests).Assembly.GetManifestResourceStream("ManifestSchema.json")!;
        var schema = await JsonSchema.FromJsonAsync(await new StreamReader(schemaStream).ReadToEndAsync());

        var errors = schema.Validate(await File.ReadAllTextAsync(ManifestPath));

        Assert.Empty(errors.Select(e => $"{e.Path}: {e.Kind}"));
    }

    [Fact]
    public void Publishing_succeeds_without_starting_anything_or_generating_secrets()
    {
        Assert.Equal(0, _exitCode);
        Assert.False(Directory.Exists(_topology!.StateDirectory));
    }

    [Theory]
    [InlineData("postgres", "container.v0")]
    [InlineData("iotdb", "value.v0")]
    [InlineData("messaging", "container.v0")]
    [InlineData("silo", "project.v0")]
    [InlineData("api", "project.v0")]
    [InlineData("ingest", "project.v0")]
    [InlineData("grafana", "container.v0")]
    [InlineData("postgres-password", "parameter.v0")]
    [InlineData("messaging-password", "parameter.v0")]
    [InlineData("grafana-login-password", "parameter.v0")]
    public void Describes_each_resource_with_its_manifest_type(string name, string type) =>
        Assert.Equal(type, _resources.GetProperty(name).GetProperty("type").GetString());

    [Fact]
    public void Every_expression_refers_to_a_resource_and_property_that_exist()
    {
        var expressions = Strings(_resources).SelectMany(s => Expression().Matches(s)).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(expressions);
        foreach (var expression in expressions)
        {
            var parts = expression.Split('.');
            Assert.True(_resources.TryGetProperty(parts[0], out var target), $"{{{expression}}} names no resource");
            var resolves = parts[1] switch
            {
                "connectionString" => target.TryGetProperty("connectionString", out _),
                "value" or "inputs" => target.GetProperty("type").GetString() == "parameter.v0",
                "bindings" => target.GetProperty("bindings").TryGetProperty(parts[2], out _) && parts[3] is "host" or "port" or "url" or "targetPort" or "scheme",
                _ => false,
            };
            Assert.True(resolves, $"{{{expression}}} does not resolve");
        }
    }

    [Fact]
    public void Services_are_wired_with_expressions_not_run_time_values()
    {
        var silo = _resources.GetProperty("silo").GetProperty("env");

        Assert.Equal("{iotdb.connectionString}", silo.GetProperty("ConnectionStrings__iotdb").GetString());
        Assert.Equal("{messaging.connectionString}", silo.GetProperty("ConnectionStrings__messaging").GetString());
        Assert.Equal("{silo.bindings.orleans-silo.targetPort}", silo.GetProperty("Orleans__Endpoints__SiloPort").GetString());
        Assert.Equal("AdoNet", silo.GetProperty("Orleans__Clustering__ProviderType").GetString());
        Assert.Equal("{postgres.connectionString};Database=iotdb", _resources.GetProperty("iotdb").GetProperty("connectionString").GetString());
    }

    [Fact]
    public void Project_paths_are_relative_to_the_manifest_and_point_at_the_service_projects()
    {
        foreach (var name in new[] { "silo", "api", "ingest" })
        {
            var path = _resources.GetProperty(name).GetProperty("path").GetString()!;
            Assert.False(Path.IsPathRooted(path));
            Assert.True(File.Exists(Path.Combine(_folder, path)), path);
        }
    }

    [Fact]
    public void User_facing_endpoints_are_external_with_their_documented_ports()
    {
        var api = _resources.GetProperty("api").GetProperty("bindings").GetProperty("http");
        var mqtt = _resources.GetProperty("ingest").GetProperty("bindings").GetProperty("mqtt");

        Assert.True(api.GetProperty("external").GetBoolean());
        Assert.Equal(5080, api.GetProperty("port").GetInt32());
        Assert.Equal(1883, mqtt.GetProperty("port").GetInt32());
        Assert.Equal("tcp", mqtt.GetProperty("transport").GetString());
    }

    public void Dispose() => _topology?.Dispose();

    public Task DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"\{([A-Za-z0-9-]+\.[A-Za-z0-9.-]+)\}")]
    private static partial Regex Expression();
}
