namespace IoTStack.Benchmark;

/// <summary>
/// Reads CPU time and memory (Pss) of a process and all its descendants from /proc (Linux only): PostgreSQL
/// and RabbitMQ do their work in child processes, so the tree is what costs the machine.
/// </summary>
public static class ProcFs
{
    private static readonly double TicksPerSecond = 100; // USER_HZ is 100 on every Linux architecture .NET runs on.

    public static (double CpuSeconds, long RssBytes) TreeUsage(int rootPid, ILookup<int, int> childrenByParent)
    {
        double cpu = 0;
        long rss = 0;
        var pending = new Stack<int>([rootPid]);
        while (pending.TryPop(out var pid))
        {
            var stat = Stat(pid);
            if (stat is null)
            {
                continue;
            }

            // Fields after the command name: state is [0], utime [11], stime [12], rss pages [21].
            cpu += (long.Parse(stat[11]) + long.Parse(stat[12])) / TicksPerSecond;
            rss += ProportionalBytes(pid);
            foreach (var child in childrenByParent[pid])
            {
                pending.Push(child);
            }
        }

        return (cpu, rss);
    }

    public static ILookup<int, int> ChildrenByParent() =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (pid, stat: Stat(pid)))
            .Where(p => p.stat is not null)
            .ToLookup(p => int.Parse(p.stat![1]), p => p.pid);

    public static long RssBytes(int pid) => Stat(pid) is { } stat ? long.Parse(stat[21]) * Environment.SystemPageSize : 0;

    /// <summary>
    /// Proportional set size (Pss): shared pages split among the processes sharing them, so summing a tree does
    /// not count PostgreSQL's shared buffers once per backend as plain RSS would.
    /// </summary>
    private static long ProportionalBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may contain spaces; everything after its closing parenthesis is space separated.
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
