namespace IoTStack.Silo.Reports;

/// <summary>Report scheduling knobs (<c>IoTStack:Reports</c>).</summary>
public sealed class ReportOptions
{
    public const string Section = "IoTStack:Reports";

    /// <summary>How often each silo looks for new report definitions to schedule.</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(10);
}
