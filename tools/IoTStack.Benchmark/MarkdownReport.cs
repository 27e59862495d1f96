using System.Globalization;
using System.Text;

namespace IoTStack.Benchmark;

/// <summary>The human-readable result: the headline table first, then each phase's detail.</summary>
public static class MarkdownReport
{
    public static string Render(BenchmarkReport r)
    {
        var md = new StringBuilder();
        var o = r.Options;
        md.AppendLine(CultureInfo.InvariantCulture, $"# IoTStack benchmark, {r.StartedAt:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {r.Machine}. Configuration: {o.Devices} devices, {o.Rate:F0} msg/s target, QoS {o.QoS}, {o.Points} points/message, {o.DurationSeconds} s (ramp {o.RampSeconds} s), {o.SiloReplicas} silo replica(s).");
        foreach (var note in r.Notes)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"\n> {note}");
        }

        md.AppendLine("\n| measure | result | target |\n| --- | --- | --- |");
        if (r.EndToEnd is { } e)
        {
            Row(md, "offered msg/s", $"{e.Sent.OfferedPerSecond:F0}", "15,000");
            Row(md, "acknowledged msg/s (points/s)", $"{e.Sent.AckedPerSecond:F0} ({e.Sent.AckedPerSecond * e.Sent.PointsPerMessage:F0})", "15,000 (45,000)");
            Row(md, "stored points/s (PostgreSQL)", $"{e.StoredPointsPerSecond:F0}", "45,000");
            Row(md, "publish→PUBACK p50/p95/p99/max ms", Ms(e.Sent.AckLatencyMs), "");
            Row(md, "publish→stored p50/p95/p99/max ms", Ms(e.Stored.LatencyMs), "p99 < 250");
            Row(md, "stored == acknowledged points", $"{e.Stored.Count} vs {e.Sent.AckedPoints}: {(e.StoredEqualsAcked ? "yes" : "NO")}", "exactly once");
            Row(md, "errors", e.Sent.Errors == 0 ? "0" : $"{e.Sent.Errors} ({string.Join(", ", e.Sent.ErrorKinds.Select(k => $"{k.Key} ×{k.Value}"))})", "0");
        }

        if (r.CopyCeiling is { } c)
        {
            Row(md, "PostgreSQL COPY ceiling points/s", $"{c.PerSecond:F0}", "");
        }

        if (r.BrokerCeiling is { } b)
        {
            Row(md, "RabbitMQ confirmed-publish ceiling msg/s", $"{b.PerSecond:F0}", "");
        }

        if (r.StoredVsCopy is { } sc)
        {
            Row(md, "stored points/s ÷ COPY ceiling", $"{sc:P0}", "");
        }

        if (r.AckedVsBroker is { } ab)
        {
            Row(md, "acknowledged msg/s ÷ broker ceiling", $"{ab:P0}", "");
        }

        if (r.Connections is { } k)
        {
            Row(md, $"idle MQTT connections ({k.HoldSeconds} s)", $"{k.Connected}/{k.Requested}", "10,000");
            Row(md, "Ingest RSS per connection", $"{k.KiBPerConnection:F1} KiB ({k.IngestRssBeforeMiB:F0} → {k.IngestRssHeldMiB:F0} MiB)", "< 20 KB");
            Row(md, "trickle through every connection", $"{k.Trickle.Acked}/{k.Trickle.Sent} acknowledged, {Ms(k.Trickle.AckLatencyMs)} ms", "");
        }

        if (r.Query is { } q)
        {
            QueryMarkdown.AppendRows(md, q);
        }

        if (r.EndToEnd is { Processes.Count: > 0 } run)
        {
            md.AppendLine("\nEnd-to-end phase, per service (process tree):\n\n| process | CPU s | CPU % of one core | peak memory (Pss) MiB |\n| --- | --- | --- | --- |");
            foreach (var p in run.Processes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Name} | {p.CpuSeconds:F1} | {100 * p.CpuSeconds / run.Sent.Seconds:F0} | {p.PeakRssMiB:F0} |");
            }
        }

        return md.ToString();
    }

    private static string Ms(Simulator.Percentiles p) => $"{p.P50:F0} / {p.P95:F0} / {p.P99:F0} / {p.Max:F0}";

    private static void Row(StringBuilder md, string measure, string result, string target) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {result} | {target} |");
}
