namespace XsRaid.Hosts.Parsers;

/// <summary>
/// One "---"-separated part of an mboot.c32 APPEND: the file and its command line. The first part is the
/// multiboot kernel (xen.gz), then the modules in order (dom0 kernel, initrd).
/// </summary>
public sealed record MultibootModule(string Path, string Arguments);
