namespace IoTStack.Hosting;

/// <summary>The variables Aspire gives every project: its URLs and its OpenTelemetry identity.</summary>
internal static class ProjectEnvironment
{
    public static void AddDefaults(ProjectResource project, HostingOptions options, EnvironmentContext context)
    {
        context.Set("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory");
        var http = project.Endpoints.Where(e => e.IsHttp).ToList();
        if (context.IsPublishMode)
        {
            if (http.Count > 0)
            {
                context.Set("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true");
                context.Set("HTTP_PORTS", new EndpointReference(project, http[0], EndpointProperty.TargetPort));
            }

            return;
        }

        context.Set("ASPNETCORE_ENVIRONMENT", "Development");
        context.Set("DOTNET_ENVIRONMENT", "Development");
        if (http.Count > 0)
        {
            context.Set("ASPNETCORE_URLS", string.Join(';', http.Select(e => e.GetUrl(context.Replica))));
        }

        context.Set("OTEL_SERVICE_NAME", project.Name);
        context.Set("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={project.Name}-{context.Replica}");
        // Only when the AppHost has a collector to send to: exporting to nowhere would only produce errors.
        if (options.OtlpEndpoint is { } otlp)
        {
            context.Set("OTEL_EXPORTER_OTLP_ENDPOINT", otlp);
        }
    }
}
