using System.Globalization;

namespace Platform.Benchmarks;

/// <summary>
/// CPU time and memory of the processes that do the work, read from /proc: a snapshot before and
/// after the load gives each group's average cores over the window.
/// </summary>
public sealed class ProcessUsage
{
    /// <summary>Groups by the process's executable name (comm), as the machine runs them.</summary>
    public static readonly (string Group, string[] Names)[] Groups =
    [
        ("ingestion", ["Platform.Ingest"]),
        ("storage worker", ["Platform.Worker"]),
        ("postgres", ["postgres"]),
        ("rabbitmq", ["beam.smp"]),
        ("mosquitto", ["mosquitto"]),
        ("load generator", ["Platform.Benchm"]),
    ];

    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly Dictionary<string, double> _cpuSeconds;
    private readonly DateTime _at = DateTime.UtcNow;

    private ProcessUsage(Dictionary<string, double> cpuSeconds) => _cpuSeconds = cpuSeconds;

    public static ProcessUsage Snapshot() =>
        new(Groups.ToDictionary(group => group.Group, group => Processes(group.Names).Sum(CpuSeconds)));

    /// <summary>Average cores used per group between two snapshots.</summary>
    public static IReadOnlyList<(string Group, double Cores, double ResidentMiB)> Between(ProcessUsage before, ProcessUsage after)
    {
        var seconds = (after._at - before._at).TotalSeconds;
        return Groups.Select(group => (group.Group,
                (after._cpuSeconds[group.Group] - before._cpuSeconds[group.Group]) / seconds,
                Processes(group.Names).Sum(ResidentMiB)))
            .ToList();
    }

    private static IEnumerable<int> Processes(string[] names) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => int.Parse(name!, CultureInfo.InvariantCulture))
            .Where(pid => Read($"/proc/{pid}/comm")?.Trim() is { } comm && names.Contains(comm));

    private static double CpuSeconds(int pid)
    {
        // Fields after the parenthesised command: state is field 3, utime 14, stime 15.
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null)
        {
            return 0;
        }

        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    private static double ResidentMiB(int pid)
    {
        var line = Read($"/proc/{pid}/status")?.Split('\n').FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
