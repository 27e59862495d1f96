using System.Security.Cryptography;

namespace IoTStack.Hosting;

/// <summary>Generated secrets, one file each under the state folder, readable by the current user only.</summary>
internal sealed class ParameterStore(string directory)
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private readonly Lock _gate = new();

    public string GetOrCreate(string name, GenerateOptions generate)
    {
        lock (_gate)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Trim();
            }

            Directory.CreateDirectory(directory);
            // Letters and digits only: the values go into URIs and connection strings without escaping.
            var value = RandomNumberGenerator.GetString(Alphabet, Math.Max(generate.MinLength, 22));
            File.WriteAllText(path, value);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            if (generate.PrintWhenGenerated)
            {
                // Printed this once only; afterwards it is in the file (readable by this user only).
                Console.WriteLine($"Generated {name}: {value}   (kept in {path})");
            }

            return value;
        }
    }
}
