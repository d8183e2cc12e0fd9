namespace XsRaid.Planning;

/// <summary>
/// The fixed POSIX sh snippets the plan runs through <see cref="HostCommand.Sh"/>. They are constants: every value
/// from the host or the user reaches them as a positional argument ($1, $2, ...), never spliced into their text.
/// Each runs on CentOS 5 (bash 3, coreutils 5.97, gawk) and Debian (dash, mawk).
/// </summary>
public static class Snippets
{
    /// <summary>$1 = a device: removes md superblocks (0.90/1.x) and zeroes its first and last MiB.</summary>
    public const string WipeSignatures =
        "dev=$1; mdadm --zero-superblock --force \"$dev\" >/dev/null 2>&1; " +
        "size=$(blockdev --getsz \"$dev\") || exit 1; n=2048; [ \"$size\" -lt $n ] && n=$size; " +
        "dd if=/dev/zero of=\"$dev\" bs=512 count=$n conv=notrunc 2>/dev/null && " +
        "dd if=/dev/zero of=\"$dev\" bs=512 seek=$((size - n)) count=$n conv=notrunc 2>/dev/null";

    /// <summary>
    /// $1 = disk, $2 = reference disk, $3.. = partition numbers: holds when the disk has the reference's partition
    /// numbers, starts and ends, and each named partition has the Linux RAID type.
    /// </summary>
    public const string LayoutCopied =
        "d=$1; r=$2; shift 2; l() { sgdisk -p \"$1\" 2>/dev/null | awk '$1 ~ /^[0-9]+$/ {print $1, $2, $3}'; }; " +
        "a=$(l \"$d\"); [ -n \"$a\" ] && [ \"$a\" = \"$(l \"$r\")\" ] || exit 1; " +
        "for n in \"$@\"; do sgdisk -i \"$n\" \"$d\" 2>/dev/null | grep -qi 'A19D880F-05FC-4D3B-A006-743F0F84911E' || exit 1; done";

    /// <summary>$1 = array device, $2 = member device: holds when the array runs with that member in it.</summary>
    public const string ArrayHasMember = "mdadm --detail \"$1\" 2>/dev/null | awk -v m=\"$2\" '" + DetailRunsWithMember + "'";

    /// <summary>
    /// awk over `mdadm --detail` output, with m = a member device: exits 0 when that device is listed and the array is
    /// not inactive (an array the boot's incremental assembly left waiting for its missing half lists its member too).
    /// </summary>
    public const string DetailRunsWithMember = "$1 == \"State\" && $2 == \":\" && $3 == \"inactive\" {off=1} $NF == m {f=1} END {exit !(f && !off)}";

    /// <summary>$1 = device, $2 = label: holds when the ext filesystem on it carries that label.</summary>
    public const string HasLabel = "[ \"$(e2label \"$1\" 2>/dev/null)\" = \"$2\" ]";

    /// <summary>$1 = mount point: holds when something is mounted there.</summary>
    public const string IsMounted = "awk -v m=\"$1\" '$2 == m {f=1} END {exit !f}' /proc/mounts";

    /// <summary>$1 = device, $2 = mount point: mounts it unless it is mounted already.</summary>
    public const string MountOnce =
        "mkdir -p \"$2\" && { awk -v m=\"$2\" '$2 == m {f=1} END {exit !f}' /proc/mounts || mount \"$1\" \"$2\"; }";

    /// <summary>$1 = mount point: unmounts it if mounted.</summary>
    public const string UnmountIfMounted =
        "if awk -v m=\"$1\" '$2 == m {f=1} END {exit !f}' /proc/mounts; then sync; umount \"$1\"; fi";

    /// <summary>$1 = file: writes standard input to it through a temporary file and a rename.</summary>
    public const string WriteFile = "cat > \"$1.xsraid-new\" && mv -f \"$1.xsraid-new\" \"$1\"";

    /// <summary>$1 = file, $2 = reference file: holds when $1 is not empty and $2 is not newer than it.</summary>
    public const string NotOlderThan = "[ -s \"$1\" ] && ! [ \"$2\" -nt \"$1\" ]";

    /// <summary>$1 = file: holds when its content equals standard input.</summary>
    public const string FileEquals = "[ -f \"$1\" ] && cat | cmp -s - \"$1\"";

    /// <summary>$1 = new root, $2.. = command: runs the command chrooted, with /dev, /proc and /sys bound.</summary>
    public const string InChroot =
        "r=$1; shift; for d in sys proc dev; do umount \"$r/$d\" 2>/dev/null; done; " +
        "mount --bind /dev \"$r/dev\" && mount -t proc proc \"$r/proc\" && mount -t sysfs sysfs \"$r/sys\" && " +
        "chroot \"$r\" \"$@\"; rc=$?; for d in sys proc dev; do umount \"$r/$d\" 2>/dev/null; done; exit $rc";

    /// <summary>$1 = boot code file, $2 = disk: holds when the disk's first 440 bytes equal the file's.</summary>
    public const string HasBootCode = "dd if=\"$2\" bs=440 count=1 2>/dev/null | cmp -s - \"$1\"";

    /// <summary>$1 = boot code file, $2 = disk: writes the file's first 440 bytes into the MBR, nothing else.</summary>
    public const string WriteBootCode = "dd if=\"$1\" of=\"$2\" bs=440 count=1 conv=notrunc 2>/dev/null && sync";

    /// <summary>$1 = array device: holds when / is the filesystem on that device (compares device numbers).</summary>
    public const string RootIsOn =
        "[ -b \"$1\" ] && [ \"$(stat -c %d /)\" = \"$(( 0x$(stat -L -c %t \"$1\") * 256 + 0x$(stat -L -c %T \"$1\") ))\" ]";

    /// <summary>$1 = value: writes it to the md resync speed floor (KB/s).</summary>
    public const string SetResyncFloor = "echo \"$1\" > /proc/sys/dev/raid/speed_limit_min";

    /// <summary>$1 = mdadm.conf path, $2.. = arrays: writes mdadm.conf with the arrays' ARRAY lines (by UUID).</summary>
    public const string WriteMdadmConf =
        "conf=$1; shift; mkdir -p \"$(dirname \"$conf\")\" && " +
        "{ echo '# written by xsraid: the mirrored arrays, by UUID'; echo 'DEVICE partitions'; echo 'MAILADDR root'; " +
        "for md in \"$@\"; do mdadm --detail --brief \"$md\" | grep '^ARRAY' || exit 1; done; } > \"$conf.xsraid-new\" && " +
        "mv -f \"$conf.xsraid-new\" \"$conf\"";

    /// <summary>$1 = mdadm.conf path, $2.. = arrays: holds when each array's UUID is in the file.</summary>
    public const string MdadmConfListsArrays =
        "conf=$1; shift; [ -f \"$conf\" ] || exit 1; for md in \"$@\"; do " +
        "u=$(mdadm --detail --brief \"$md\" 2>/dev/null | sed -n 's/.*UUID=\\([0-9a-fA-F:]*\\).*/\\1/p'); " +
        "[ -n \"$u\" ] && grep -qi \"UUID=$u\" \"$conf\" || exit 1; done";

    /// <summary>$1.. = arrays: holds when none of them is resyncing or recovering and each has all members.</summary>
    public const string ArraysClean =
        "for md in \"$@\"; do s=$(mdadm --detail \"$md\" 2>/dev/null) || exit 1; " +
        "echo \"$s\" | grep -Eq 'State : (clean|active)[ ,]*$' || exit 1; done";

    /// <summary>$1 = mount point: bind-mounts / there (so the copy also sees what mounts hide, like static /dev nodes).</summary>
    public const string BindRootOnce =
        "mkdir -p \"$1\" && { awk -v m=\"$1\" '$2 == m {f=1} END {exit !f}' /proc/mounts || mount --bind / \"$1\"; }";

    /// <summary>$1.. = services: stops each one that exists (XenServer's writers before the final copy).</summary>
    public const string StopServices =
        "for s in \"$@\"; do if [ -x \"/etc/init.d/$s\" ]; then service \"$s\" stop || exit 1; fi; done";

    /// <summary>$1 = disk, $2.. = "number start code" rows: holds when the disk's GPT has exactly those partitions (sgdisk -p).</summary>
    public const string GptRowsAre =
        "d=$1; shift; a=$(sgdisk -p \"$d\" 2>/dev/null | awk '$1 ~ /^[0-9]+$/ {print $1, $2, $6}' | sort); " +
        "[ -n \"$a\" ] && [ \"$a\" = \"$(printf '%s\\n' \"$@\" | sort)\" ]";

    /// <summary>
    /// $1 = device, $2 = label: holds when blkid reads that label on it (ext filesystems and swap). `-c /dev/null`: no
    /// cache file, so blkid probes the device (it trusts a cached probe younger than 2 s, which still had the old label
    /// right after e2label on a mounted filesystem); CentOS 5's e2fsprogs blkid has -c too.
    /// </summary>
    public const string HasBlkidLabel = "[ \"$(blkid -c /dev/null -o value -s LABEL \"$1\" 2>/dev/null)\" = \"$2\" ]";

    /// <summary>
    /// $1 = device: has udev probe it again (a change event) and waits for that, so that /dev/disk/by-label and
    /// findmnt show a label written just now. udev re-reads a disk or partition after a writer closes it (the `watch`
    /// option of 60-block.rules) but not an md device: after e2label or swaplabel on an array its database keeps the
    /// old label, and the by-label link the host's fstab names is missing, until the next boot (seen in the lab on
    /// md127p5). Best effort, never failing the step: the label itself is checked on the device; a host without
    /// udevadm (CentOS 5's udev 095) skips it.
    /// </summary>
    public const string TellUdev =
        "command -v udevadm >/dev/null 2>&1 || exit 0\n" +
        "udevadm trigger --action=change --subsystem-match=block --sysname-match=\"$(basename \"$(readlink -f \"$1\")\")\" && udevadm settle --timeout=60\n" +
        "exit 0";

    /// <summary>
    /// $1 = swap device, $2 = label: swaplabel refuses a swap area in use ("Text file busy", seen in the lab on the
    /// converted host's md127p6), so an active one is turned off and labelled. It is not turned on here: that is
    /// <see cref="ActivateSwap"/>'s, once fstab names the label again.
    /// </summary>
    public const string RelabelSwap =
        "if " + SwapActive + "; then swapoff \"$1\" || exit 1; fi\n" +
        "swaplabel -L \"$2\" \"$1\"";

    /// <summary>$1 = swap device: holds when it is an active swap area (/proc/swaps names the device it resolves to).</summary>
    public const string SwapActive = "awk -v d=\"$(readlink -f \"$1\")\" 'NR > 1 && $1 == d {f=1} END {exit !f}' /proc/swaps";

    /// <summary>
    /// $1 = swap device, $2 = the path fstab's entry for it resolves through (/dev/disk/by-label/LABEL): turns it on
    /// the way the host's boot does. Under systemd that is the swap unit fstab's generator makes for $2, after a
    /// daemon-reload (fstab changed): a swapon outside systemd after the relabel left systemd's swap units of the
    /// device's other names "stop running" without a limit at the next shutdown (seen in the lab, Debian 12's
    /// systemd 252; systemd/systemd#11577 is that family of hang), which, on a host without a console, is a host
    /// that never reboots. Without systemd, or if that unit cannot start, plain swapon.
    /// </summary>
    public const string ActivateSwap =
        "if [ -d /run/systemd/system ] && command -v systemd-escape >/dev/null 2>&1; then\n" +
        "  systemctl daemon-reload && systemctl start \"$(systemd-escape -p --suffix=swap \"$2\")\" && exit 0\n" +
        "fi\n" +
        "swapon \"$1\"";

    /// <summary>$1 = disk: holds when no partition of it (nor the disk) is mounted or active swap.</summary>
    public const string DiskUnused = "! awk -v d=\"$1\" 'index($1, d) == 1 {f=1} END {exit !f}' /proc/mounts /proc/swaps";

    /// <summary>$1 = array, $2 = disk, $3 = its old partition: holds when that partition is gone or the disk is a member of the array.</summary>
    public const string PartitionGoneOrJoined = "[ ! -b \"$3\" ] || " + ArrayHasMember;

    /// <summary>
    /// $1 = array, $2 = disk: holds when the disk has no partition table of its own or is a member of the array. A
    /// whole-disk member with metadata 1.0 shows the array's own GPT at its start once the resync has copied it (seen
    /// in the lab when a conversion resumed after the join), so "no table" alone cannot tell a wiped disk then.
    /// </summary>
    public const string BlankOrMemberOf = ArrayHasMember + " || [ -z \"$(sgdisk -p \"$2\" 2>/dev/null | awk '$1 ~ /^[0-9]+$/')\" ]";

    /// <summary>$1.. = services: stops each systemd unit that exists (XCP-ng 8.x's writers before the final copy).</summary>
    public const string StopSystemdServices =
        "for s in \"$@\"; do if systemctl list-unit-files --no-legend \"$s.service\" 2>/dev/null | grep -q .; then systemctl stop \"$s.service\" || exit 1; fi; done";

    /// <summary>
    /// $1 = array device, $2 = member device: stops every array that holds the member, except $1 when it is active
    /// (an inactive $1 is stopped too: the boot's incremental assembly leaves a half array waiting for its other half).
    /// </summary>
    public const string StopOtherArrayHolding =
        "md=$1; awk -v d=\"${2##*/}\" '" + MdstatHolders + "' /proc/mdstat | while read -r a state; do " +
        "if [ \"/dev/$a\" = \"$md\" ] && [ \"$state\" = active ]; then continue; fi; mdadm --stop \"/dev/$a\" || exit 1; done";

    /// <summary>
    /// awk over /proc/mdstat, with d = a kernel device name (sdb1): prints "mdN active" or "mdN inactive" for each array
    /// that holds it. Members are the fields with a slot number ("md0 : active raid1 sdb1[0]", "md127 : inactive
    /// sdb1[0](S)"; an active array's level, "(auto-read-only)" and the state word have none).
    /// </summary>
    public const string MdstatHolders =
        "$1 ~ /^md/ && $2 == \":\" {for (i = 3; i <= NF; i++) if (split($i, p, \"[\") > 1 && p[1] == d) print $1, $3}";


    /// <summary>
    /// $1 = disk: makes the kernel read its new partition table. udev probes a disk each time a writer closes it (dd,
    /// sgdisk), and while it holds the disk open the re-read fails with "Device or resource busy": so wait for udev
    /// (udevadm settle, udevsettle on CentOS 5) and try again, up to 10 times; then wait until the partitions' nodes exist.
    /// </summary>
    public const string RereadPartitionTable =
        "settle() { udevadm settle >/dev/null 2>&1 || udevsettle >/dev/null 2>&1 || sleep 1; }; i=1; " +
        "while settle; ! blockdev --rereadpt \"$1\"; do [ $i -lt 10 ] || exit 1; i=$((i + 1)); sleep 1; done; settle";

    /// <summary>
    /// $1 = the by-id directory, $2.. = names in it: prints, one line each, the device the name points at now, or
    /// "-" when there is no such name.
    /// </summary>
    public const string ResolveIdNames =
        "d=$1; shift; for n in \"$@\"; do if [ -e \"$d/$n\" ]; then readlink -f \"$d/$n\"; else echo -; fi; done";

    /// <summary>
    /// $1 = the by-id directory, then pairs of device and by-id name: holds when every name still points at its
    /// device; otherwise says which does not, on stderr.
    /// </summary>
    public const string DevicesHaveIdNames =
        "d=$1; shift; while [ $# -ge 2 ]; do now=$(readlink -f \"$d/$2\" 2>/dev/null); if [ \"$now\" != \"$1\" ]; then " +
        "echo \"$d/$2 is ${now:-missing}, not $1\" >&2; exit 1; fi; shift 2; done";
}
