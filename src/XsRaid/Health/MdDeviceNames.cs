namespace XsRaid.Health;

/// <summary>How mdadm names an array: "/dev/md0", "/dev/md/0" and "md0" are the same array; "/dev/md/root" is a named one.</summary>
public static class MdDeviceNames
{
    /// <summary>Whether <paramref name="device"/> (as mdadm prints it) is the kernel array <paramref name="kernelName"/> ("md0").</summary>
    public static bool SameArray(string device, string kernelName)
    {
        var tail = device.StartsWith("/dev/md/", StringComparison.Ordinal) ? device["/dev/md/".Length..]
            : device.StartsWith("/dev/", StringComparison.Ordinal) ? device["/dev/".Length..]
            : device;
        return tail == kernelName || "md" + tail == kernelName;
    }
}
