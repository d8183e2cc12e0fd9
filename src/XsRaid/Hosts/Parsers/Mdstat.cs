namespace XsRaid.Hosts.Parsers;

/// <summary>The whole of /proc/mdstat: loaded personalities, the arrays in the kernel's order, unused devices.</summary>
public sealed record Mdstat(
    IReadOnlyList<string> Personalities,
    IReadOnlyList<MdstatArray> Arrays,
    IReadOnlyList<string> UnusedDevices)
{
    public MdstatArray? Find(string name) =>
        Arrays.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
