using IoTStack.Api.Reports;

namespace Microsoft.Extensions.Hosting;

public static class ReportsSetup
{
    /// <summary>Report definitions, runs and results (the GraphQL fields and the CSV download use them).</summary>
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ReportStore>();
        return builder;
    }
}
