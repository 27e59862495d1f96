using System.Globalization;

namespace IoTStack.IntegrationTests;

/// <summary>Reads /proc to find what a process started, including daemons that left its tree (RabbitMQ's epmd).</summary>
internal static class ProcessTree
{
    public static IReadOnlyList<int> Descendants(int root)
    {
        var parents = Directory.GetDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
            .Where(pid => pid > 0)
            .Select(pid => (Pid: pid, Parent: ParentOf(pid)))
            .Where(p => p.Parent > 0)
            .ToLookup(p => p.Parent, p => p.Pid);
        var found = new List<int>();
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var pid))
        {
            foreach (var child in parents[pid])
            {
                found.Add(child);
                queue.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>Live processes whose command line or environment mentions <paramref name="text"/> (e.g. a state folder).</summary>
    public static IReadOnlyList<int> Mentioning(string text) =>
        Directory.GetDirectories("/proc")
            .Select(dir => int.TryParse(Path.GetFileName(dir), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId && IsAlive(pid) && (Read(pid, "cmdline").Contains(text, StringComparison.Ordinal) || Read(pid, "environ").Contains(text, StringComparison.Ordinal)))
            .ToList();

    public static bool IsAlive(int pid)
    {
        var stat = Read(pid, "stat");
        // A zombie (state Z) has exited and only waits for its parent to collect it.
        return stat.Length > 0 && stat[(stat.LastIndexOf(')') + 2)..].First() != 'Z';
    }

    private static int ParentOf(int pid)
    {
        var stat = Read(pid, "stat");
        return stat.Length == 0 ? 0 : int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static string Read(int pid, string file)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/{file}");
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
