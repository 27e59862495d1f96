namespace IoTStack.Hosting;

/// <summary>Finds the server binaries of the OS packages (Debian keeps them off PATH, per major version).</summary>
internal static class PostgresBinaries
{
    public static string Find()
    {
        var versioned = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(dir => Path.Combine(dir, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            : Enumerable.Empty<string>();
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(dir => File.Exists(Path.Combine(dir, "postgres")) && File.Exists(Path.Combine(dir, "initdb")));
        return versioned.Concat(onPath).FirstOrDefault()
            ?? throw new ResourceNotAvailableException(
                "PostgreSQL server binaries were not found in /usr/lib/postgresql/*/bin or on PATH. " +
                "Install them with: sudo apt-get install -y postgresql");
    }
}
