using System.Globalization;
using System.Text.RegularExpressions;

namespace IoTStack.Grafana.Tests;

/// <summary>
/// Expands a panel's SQL the way Grafana's PostgreSQL data source does before sending it: template variables
/// (single values raw, multi-value variables as quoted lists), <c>$__interval</c>, then the SQL macros
/// (<c>$__timeFilter</c>, <c>$__timeGroup[Alias]</c>, <c>$__timeFrom/To</c>, <c>$__unixEpochFrom/To</c>, ...),
/// with the output forms of Grafana's documentation. No Grafana server can run here, so this stands in for it.
/// </summary>
public sealed partial class GrafanaMacros(DateTimeOffset from, DateTimeOffset to, TimeSpan interval, IReadOnlyDictionary<string, TemplateValue> variables)
{
    public string Expand(string sql)
    {
        var withVariables = VariablePattern().Replace(sql, match =>
        {
            var name = match.Groups["name"].Value;
            if (name == "__interval")
            {
                return FormatInterval(interval);
            }

            if (name == "__interval_ms")
            {
                return ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            }

            return variables.TryGetValue(name, out var value) ? value.Render() : match.Value;
        });

        return MacroPattern().Replace(withVariables, match => ExpandMacro(match.Groups["macro"].Value, SplitArguments(match.Groups["args"].Value)));
    }

    private string ExpandMacro(string macro, string[] args) => macro switch
    {
        "__time" => $"{args[0]} AS \"time\"",
        "__timeEpoch" => $"extract(epoch from {args[0]}) AS \"time\"",
        "__timeFilter" => $"{args[0]} BETWEEN {Quote(from)} AND {Quote(to)}",
        "__timeFrom" => Quote(from),
        "__timeTo" => Quote(to),
        "__timeGroup" => TimeGroup(args),
        "__timeGroupAlias" => $"{TimeGroup(args)} AS \"time\"",
        "__unixEpochFilter" => $"{args[0]} >= {from.ToUnixTimeSeconds()} AND {args[0]} <= {to.ToUnixTimeSeconds()}",
        "__unixEpochFrom" => from.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        "__unixEpochTo" => to.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"Grafana macro ${macro} is not one the PostgreSQL data source documents."),
    };

    private static string TimeGroup(string[] args)
    {
        var seconds = ParseInterval(args[1].Trim('\'', ' ')).TotalSeconds;
        return $"floor(extract(epoch from {args[0]})/{seconds})*{seconds}";
    }

    /// <summary>Grafana's interval syntax: a number and one of ms, s, m, h, d, w.</summary>
    public static TimeSpan ParseInterval(string text)
    {
        var match = IntervalPattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a Grafana interval.");
        }

        var amount = double.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromDays(7 * amount),
        };
    }

    public static string FormatInterval(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? $"{span.TotalDays}d"
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours}h"
        : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes}m"
        : span.TotalSeconds >= 1 && span.TotalSeconds % 1 == 0 ? $"{span.TotalSeconds}s"
        : $"{span.TotalMilliseconds}ms";

    private static string Quote(DateTimeOffset at) => $"'{at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}'";

    private static string[] SplitArguments(string args) =>
        args.Length == 0 ? [] : args.Split(',').Select(a => a.Trim()).ToArray();

    [GeneratedRegex(@"\$(?<name>[A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"\$(?<macro>__[A-Za-z]+)\((?<args>[^()]*)\)")]
    private static partial Regex MacroPattern();

    [GeneratedRegex(@"^(?<amount>\d+(\.\d+)?)(?<unit>ms|s|m|h|d|w)$")]
    private static partial Regex IntervalPattern();
}
