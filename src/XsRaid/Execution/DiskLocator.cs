using XsRaid.Hosts;
using XsRaid.Planning;

namespace XsRaid.Execution;

/// <summary>
/// Finds a plan's two disks on the host by what they are (WWN, serial, /dev/disk/by-id names), not by the kernel
/// names they had when the plan was made: those follow the order in which the disks answered at boot.
/// </summary>
public static class DiskLocator
{
    public const string ByIdDirectory = "/dev/disk/by-id";

    /// <summary>
    /// The plan's disks in a snapshot: the device that carries each identity now (same WWN, else same serial, else a
    /// shared by-id name), or the plan's own name when the identity is not found there (the drift check then says why).
    /// </summary>
    public static DiskRenames InFacts(ConversionPlan plan, HostFacts facts) =>
        DiskRenames.For(plan, Find(plan.Source, facts) ?? plan.Source.Device, Find(plan.Target, facts) ?? plan.Target.Device);

    /// <summary>
    /// The plan's disks on the live host, through its by-id names (<paramref name="byIdDirectory"/>): the renames, or
    /// why the disks cannot be told apart. A disk without a by-id name keeps its name (it cannot be followed).
    /// </summary>
    public static async Task<LocatedDisks> OnHostAsync(IHost host, ConversionPlan plan, string byIdDirectory, CancellationToken ct)
    {
        var disks = new[] { ("original disk", plan.Source), ("new disk", plan.Target) };
        var names = disks.Select(d => d.Item2.IdName).ToArray();
        if (names.All(n => n is null))
        {
            return new LocatedDisks(DiskRenames.For(plan, plan.Source.Device, plan.Target.Device), null);
        }

        var asked = names.OfType<string>().ToArray();
        var result = await host.RunAsync(HostCommand.Sh(Snippets.ResolveIdNames, [byIdDirectory, .. asked]).Argv, new CommandOptions(TimeSpan.FromSeconds(30)), ct).ConfigureAwait(false);
        var lines = result.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (!result.Succeeded || lines.Length != asked.Length)
        {
            return new LocatedDisks(null, $"the disks' by-id names could not be read on the host (exit {result.ExitCode}: {OutputTail.Of(result.Stderr)}).");
        }

        var now = new string[2];
        var line = 0;
        for (var i = 0; i < 2; i++)
        {
            var (role, disk) = disks[i];
            if (names[i] is null)
            {
                now[i] = disk.Device;
                continue;
            }

            var device = lines[line++];
            if (device == "-")
            {
                return new LocatedDisks(null, $"the {role} {byIdDirectory}/{names[i]} (planned as {disk.Device}) is not on the host any more.");
            }

            now[i] = device;
        }

        return now[0] == now[1]
            ? new LocatedDisks(null, $"both disks' by-id names point at {now[0]}.")
            : new LocatedDisks(DiskRenames.For(plan, now[0], now[1]), null);
    }

    private static string? Find(DiskIdentity disk, HostFacts facts)
    {
        var candidates = disk.Wwid is { Length: > 0 } wwid ? facts.Disks.Where(d => d.Disk.Wwid == wwid)
            : disk.Serial is { Length: > 0 } serial ? facts.Disks.Where(d => d.Disk.Serial == serial)
            : disk.IdName is { } name ? facts.Disks.Where(d => d.Disk.ByIdNames.Contains(name))
            : [];
        var found = candidates.Take(2).ToList();
        return found.Count == 1 ? found[0].Disk.DevicePath : null;
    }
}
