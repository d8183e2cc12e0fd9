using System.Text.RegularExpressions;

namespace XsRaid.DayTwo;

/// <summary>The kernel versions a boot config boots: every "/vmlinuz-VERSION" it names (extlinux KERNEL lines, Xen multiboot modules).</summary>
public static partial class BootConfigKernels
{
    public static IReadOnlyList<string> Versions(string config) =>
        [.. Kernel().Matches(config).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"/vmlinuz-([A-Za-z0-9._+\-]+)")]
    private static partial Regex Kernel();
}
