using System.Data;
using IoTStack.Hosting;
using IoTStack.Testing;
using Npgsql;

namespace IoTStack.Grafana.Tests;

/// <summary>
/// Every panel, variable and annotation query, expanded as Grafana expands it and run on PostgreSQL filled by the
/// real pipeline, as the read-only login Grafana uses: each must return rows in the shape its panel needs.
/// </summary>
[Collection(IoTStackFixture.Collection)]
public sealed class PanelQueryTests(IoTStackFixture fixture) : IAsyncLifetime
{
    private static readonly SemaphoreSlim FillOnce = new(1, 1);
    private static PipelineData? _data;
    private NpgsqlDataSource? _reader;

    public static TheoryData<string, string> Queries()
    {
        var data = new TheoryData<string, string>();
        foreach (var dashboard in GrafanaProvisioning.Dashboards())
        {
            foreach (var variable in dashboard.Variables.Where(v => (string?)v["type"] == "query"))
            {
                data.Add(dashboard.File, $"variable {variable["name"]}");
            }

            foreach (var panel in dashboard.Panels)
            {
                data.Add(dashboard.File, $"panel {panel["title"]}");
            }

            foreach (var annotation in dashboard.Annotations)
            {
                data.Add(dashboard.File, $"annotation {annotation["name"]}");
            }
        }

        return data;
    }

    public async Task InitializeAsync()
    {
        await FillOnce.WaitAsync();
        try
        {
            _data ??= await PipelineData.FillAsync(fixture.Stack);
        }
        finally
        {
            FillOnce.Release();
        }

        // The login and password the AppHost hands Grafana, so the queries run with exactly Grafana's rights.
        var grafana = LaunchContext.ResolveEnvironment(fixture.Stack.Application.GetResource("grafana"), 0);
        var connection = new NpgsqlConnectionStringBuilder(await fixture.Stack.GetConnectionStringAsync("iotdb"))
        {
            Username = grafana["IOTSTACK_DB_USER"],
            Password = grafana["IOTSTACK_DB_PASSWORD"],
        };
        _reader = NpgsqlDataSource.Create(connection.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Returns_rows_in_the_shape_its_panel_needs(string file, string query)
    {
        var dashboard = GrafanaProvisioning.Dashboards().Single(d => d.File == file);
        var (sql, format) = Find(dashboard, query);
        var now = DateTimeOffset.UtcNow;
        var macros = new GrafanaMacros(now.AddHours(-6), now.AddMinutes(1), TimeSpan.FromMinutes(1), new Dictionary<string, TemplateValue>
        {
            ["device"] = TemplateValue.One(_data!.LogicalUid.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["series"] = TemplateValue.Multi("temperature", "humidity"),
            // Every device in the test sent data more than a second ago.
            ["silence"] = TemplateValue.One("1 second"),
        });

        var rows = await RunAsync(macros.Expand(sql));

        Assert.True(rows.Rows.Count > 0, $"{file} {query} returned no rows:\n{macros.Expand(sql)}");
        if (format == "time_series")
        {
            Assert.Contains(rows.Columns.Cast<DataColumn>(), c => c.ColumnName == "time");
            Assert.Contains(rows.Columns.Cast<DataColumn>(), c => c.ColumnName != "time" && IsNumeric(c.DataType));
            var times = rows.Rows.Cast<DataRow>().Select(r => Convert.ToDouble(r["time"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(times.Order(), times);
        }
    }

    private async Task<DataTable> RunAsync(string sql)
    {
        await using var command = _reader!.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var table = new DataTable();
        table.Load(reader);
        return table;
    }

    private static (string Sql, string Format) Find(Dashboard dashboard, string query)
    {
        var (kind, name) = (query[..query.IndexOf(' ', StringComparison.Ordinal)], query[(query.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var target = kind switch
        {
            "variable" => dashboard.Variables.Single(v => (string?)v["name"] == name),
            "panel" => Dashboard.Targets(dashboard.Panels.Single(p => (string?)p["title"] == name)).Single(),
            _ => dashboard.Annotations.Single(a => (string?)a["name"] == name)["target"]!.AsObject(),
        };
        return kind == "variable" ? ((string)target["query"]!, "table") : (Dashboard.Sql(target), Dashboard.Format(target));
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(double) || type == typeof(long) || type == typeof(int) || type == typeof(decimal) || type == typeof(float);
}
