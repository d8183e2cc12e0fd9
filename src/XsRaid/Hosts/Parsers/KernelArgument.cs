namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One argument of a kernel command line: "ro" (no value), "root=LABEL=root-abc" (name root, value
/// LABEL=root-abc), "opt=\"a b\"" (value a b, quotes removed as the kernel does). <see cref="Start"/> and
/// <see cref="Length"/> locate the whole token in the text it was read from; <see cref="ValueStart"/> and
/// <see cref="ValueLength"/> the value as written (with its quotes), so an edit can replace exactly that.
/// </summary>
public sealed record KernelArgument(string Name, string? Value, int Start, int Length, int ValueStart, int ValueLength);
