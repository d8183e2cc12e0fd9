namespace XsRaid.Platforms.Layouts;

/// <summary>
/// The one array of a whole-disk layout: its device and the md name it is created with (the installer's own array is
/// /dev/md127 named localhost:127, because its homehost is "localhost" while it installs), and the room metadata 1.0
/// with an internal bitmap takes at the end of each member (about 140 KiB; 1 MiB is the bound the plan assumes).
/// </summary>
public sealed record WholeDiskArray(string Device, string Name)
{
    public const long ReservedBytes = 1L << 20;

    /// <summary>The udev name (63-md-raid-arrays.rules) of the array, or of its partition <paramref name="number"/>.</summary>
    public string StableName(int? number = null) =>
        $"/dev/disk/by-id/md-name-{Name}" + (number is { } n ? $"-part{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "");

    /// <summary>The kernel name of partition <paramref name="number"/> inside the array (/dev/md127p1).</summary>
    public string Partition(int number) => Device + "p" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
