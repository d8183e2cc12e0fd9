namespace XsRaid.Hosts.Parsers;

/// <summary>
/// /proc/cmdline (or the dom0 part of an mboot.c32 APPEND). Arguments after a lone "--" go to init, not the
/// kernel: they are in <see cref="InitArguments"/>. As in the kernel, a later argument of the same name wins.
/// </summary>
public sealed record KernelCommandLine(string Text, IReadOnlyList<KernelArgument> Arguments, IReadOnlyList<string> InitArguments)
{
    public string? Get(string name) =>
        Arguments.LastOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal))?.Value;

    public bool Has(string name) => Arguments.Any(a => string.Equals(a.Name, name, StringComparison.Ordinal));

    /// <summary>The root= value: "LABEL=root-abcdefgh", "/dev/md0", "UUID=...".</summary>
    public string? Root => Get("root");
}
