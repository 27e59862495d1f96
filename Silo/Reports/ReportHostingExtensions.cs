using IoTStack.Silo.Reports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class ReportHostingExtensions
{
    /// <summary>Scheduled reports: the occurrence runner the scheduler grains use, and the activator. Added after the silo.</summary>
    public static TBuilder AddReportScheduling<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddReportScheduling(builder.Configuration);
        builder.Services.AddHostedService<ReportScheduleActivator>();
        return builder;
    }

    public static IServiceCollection AddReportScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportOptions>(configuration.GetSection(ReportOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IReportRuns, PostgresReportRuns>();
        services.AddSingleton<ReportOccurrenceRunner>();
        return services;
    }
}
