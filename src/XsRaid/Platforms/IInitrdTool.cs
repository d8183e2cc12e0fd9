namespace XsRaid.Platforms;

/// <summary>The tool that makes the initrd: its file name, the rebuild, the content check and its boot arguments.</summary>
public interface IInitrdTool
{
    /// <summary>Shown in the platform's name ("mkinitrd").</summary>
    string Name { get; }

    /// <summary>The initrd file name under /boot for a kernel version.</summary>
    string FileName(string kernelVersion);

    /// <summary>The command that rebuilds the initrd inside the new root (run in a chroot).</summary>
    IReadOnlyList<string> Rebuild(string kernelVersion);

    /// <summary>A read-only check that the initrd holds raid1 and what assembles the root array.</summary>
    IReadOnlyList<string> ContentCheck(string initrdPath);

    /// <summary>Kernel arguments that make a failed boot reset instead of waiting at a console.</summary>
    string FailedBootArguments { get; }

    IReadOnlyList<string> Tools { get; }

    /// <summary>The tool's own configuration that makes it put md assembly into the initrd, or null when it needs none.</summary>
    ConfigFileRewrite? MdConfig => null;
}
