using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace IoTStack.Grafana.Tests;

public sealed partial class ProvisioningStructureTests
{
    private static readonly string[] PanelFormats = ["time_series", "table"];

    public static TheoryData<string> DashboardFiles => [.. GrafanaProvisioning.Dashboards().Select(d => d.File)];

    [Fact]
    public void The_datasource_is_PostgreSQL_configured_only_from_environment_variables()
    {
        var datasource = Assert.Single(GrafanaProvisioning.Datasources());

        Assert.Equal("grafana-postgresql-datasource", Scalar(datasource, "type"));
        Assert.Equal("${IOTSTACK_DB_HOST}:${IOTSTACK_DB_PORT}", Scalar(datasource, "url"));
        Assert.Equal("${IOTSTACK_DB_USER}", Scalar(datasource, "user"));
        Assert.Equal("${IOTSTACK_DB_NAME}", Scalar((YamlMappingNode)datasource["jsonData"], "database"));
        Assert.Equal("${IOTSTACK_DB_PASSWORD}", Scalar((YamlMappingNode)datasource["secureJsonData"], "password"));
    }

    [Fact]
    public void The_dashboard_provider_reads_the_dashboards_folder_named_by_the_AppHost()
    {
        var provider = Assert.Single(GrafanaProvisioning.DashboardProviders());

        Assert.Equal("file", Scalar(provider, "type"));
        Assert.Equal("${IOTSTACK_DASHBOARDS_PATH}", Scalar((YamlMappingNode)provider["options"], "path"));
    }

    [Fact]
    public void Fleet_logical_device_and_pipeline_dashboards_exist_with_unique_uids()
    {
        var dashboards = GrafanaProvisioning.Dashboards();

        Assert.Equal(["iotstack-fleet", "iotstack-logical-device", "iotstack-pipeline"], dashboards.Select(d => d.Uid).Order());
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Every_datasource_reference_resolves_to_a_provisioned_datasource(string file)
    {
        var uids = GrafanaProvisioning.Datasources().Select(d => (string?)Scalar(d, "uid")).ToHashSet();
        var dashboard = GrafanaProvisioning.Dashboards().Single(d => d.File == file);

        var references = dashboard.Panels.SelectMany(p => Dashboard.Targets(p).Prepend(p))
            .Concat(dashboard.Variables.Where(v => (string?)v["type"] == "query"))
            .Concat(dashboard.Annotations)
            .Select(node => (string?)node["datasource"]?["uid"]);

        Assert.All(references, uid => Assert.Contains(uid, uids));
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Every_panel_has_a_raw_SQL_target_in_a_format_Grafana_knows(string file)
    {
        var dashboard = GrafanaProvisioning.Dashboards().Single(d => d.File == file);

        Assert.All(dashboard.Panels, panel =>
        {
            var targets = Dashboard.Targets(panel).ToList();
            Assert.NotEmpty(targets);
            Assert.All(targets, target =>
            {
                Assert.False(string.IsNullOrWhiteSpace(Dashboard.Sql(target)));
                Assert.Contains(Dashboard.Format(target), PanelFormats);
            });
        });
    }

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public void Template_variables_are_defined_before_they_are_used(string file)
    {
        var dashboard = GrafanaProvisioning.Dashboards().Single(d => d.File == file);
        var defined = new HashSet<string>(StringComparer.Ordinal);

        foreach (var variable in dashboard.Variables)
        {
            AssertDefined((string?)variable["query"] ?? "", defined, $"variable ${variable["name"]}");
            defined.Add((string)variable["name"]!);
        }

        foreach (var panel in dashboard.Panels)
        {
            AssertDefined((string)panel["title"]!, defined, $"panel '{panel["title"]}'");
            AssertDefined((string?)panel["repeat"] is { } repeat ? "$" + repeat : "", defined, $"repeat of '{panel["title"]}'");
            Assert.All(Dashboard.Targets(panel), target => AssertDefined(Dashboard.Sql(target), defined, $"panel '{panel["title"]}'"));
        }

        Assert.All(dashboard.Annotations, a => AssertDefined(Dashboard.Sql(a["target"]!.AsObject()), defined, $"annotation {a["name"]}"));
    }

    private static void AssertDefined(string text, HashSet<string> defined, string where)
    {
        var used = VariableUse().Matches(text).Select(m => m.Groups["name"].Value).Where(name => !name.StartsWith("__", StringComparison.Ordinal));
        Assert.All(used, name => Assert.True(defined.Contains(name), $"{where} uses ${name} before it is defined"));
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value!;

    [GeneratedRegex(@"\$(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex VariableUse();
}
