namespace XsRaid.Tests.Hosts.Parsers;

/// <summary>
/// Host files that no fixture captured, written in the exact formats of the programs that write them. Each
/// says where its format comes from; values that look real were taken from public captures.
/// </summary>
internal static class HostFileSamples
{
    /// <summary>
    /// XenServer 6.5 /etc/fstab as host-installer's backend.py writeFstab() writes it (xenserver/host-installer,
    /// 6.x branch): LABEL root line, swap file, pseudo filesystems, the XenCenter ISO loop mount.
    /// </summary>
    public const string XenServer65Fstab =
        "LABEL=root-qvcoinzp    /         ext3     defaults   1  1\n" +
        "/var/swap/swap.001          swap      swap   defaults   0  0\n" +
        "none        /dev/pts  devpts defaults   0  0\n" +
        "none        /dev/shm  tmpfs  defaults   0  0\n" +
        "none        /proc     proc   defaults   0  0\n" +
        "none        /sys      sysfs  defaults   0  0\n" +
        "none        /sys/fs/cgroup cgroup memory 0 0\n" +
        "/opt/xensource/packages/iso/XenCenter.iso   /var/xen/xc-install   iso9660   loop,ro   0  0\n";

    /// <summary>
    /// XenServer 7.x / XCP-ng 8 /etc/fstab as host-installer's writeFstab() writes it with the new
    /// partition layout (root, swap partition, /var/log partition, all by LABEL).
    /// </summary>
    public const string XenServer7Fstab =
        "LABEL=root-kqxqwkbm    /         ext3     defaults   1  1\n" +
        "LABEL=swap-kqxqwkbm          swap      swap   defaults   0  0\n" +
        "LABEL=logs-kqxqwkbm    /var/log         ext3     defaults   0  2\n";

    /// <summary>A Debian 12 fstab as its installer writes it: comments, tabs, UUID= specs, an escaped blank.</summary>
    public const string DebianFstab =
        "# /etc/fstab: static file system information.\n" +
        "#\n" +
        "# Use 'blkid' to print the universally unique identifier for a\n" +
        "# device; this may be used with UUID= as a more robust way to name devices\n" +
        "# that works even if disks are added and removed. See fstab(5).\n" +
        "#\n" +
        "# <file system> <mount point>   <type>  <options>       <dump>  <pass>\n" +
        "# / was on /dev/sda1 during installation\n" +
        "UUID=77635693-db26-47ba-88c9-b34ccb254e56 /               ext4    errors=remount-ro 0       1\n" +
        "# swap was on /dev/sda5 during installation\n" +
        "UUID=\"0c6b6f3e-5d0e-4b8e-9d3a-6f2f1c1e9a77\" none            swap    sw              0       0\n" +
        "/dev/sr0        /media/cdrom0   udf,iso9660 user,noauto     0       0\n" +
        "\n" +
        "LABEL=fxdata\t/srv/my\\040data\text4\tdefaults,nofail\n" +
        "PARTUUID=e8aac203-031e-45d2-81d0-dee126068df9 /boot ext4 defaults 0 2\r\n" +
        "tmpfs /tmp tmpfs mode=1777 0 0";

    /// <summary>
    /// The "xe" entry of a real XenServer 6.5 /boot/extlinux.conf (public capture of a default install; the
    /// append line is one line in the file), with the serial, safe and fallback entries and the header that
    /// host-installer's buildBootLoaderMenu() and python-libs xcp/bootloader.py writeExtLinux() produce.
    /// </summary>
    public const string XenServer65Extlinux =
        "# location mbr\n" +
        "serial 0 115200\n" +
        "default xe\n" +
        "prompt 1\n" +
        "timeout 50\n" +
        "\n" +
        "label xe\n" +
        "  # XenServer\n" +
        "  kernel mboot.c32\n" +
        "  append /boot/xen.gz dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 console=vga vga=mode-0x0311 --- /boot/vmlinuz-3.10-xen root=LABEL=root-qvcoinzp ro hpet=disable xencons=hvc console=hvc0 console=tty0 quiet vga=785 splash --- /boot/initrd-3.10-xen.img\n" +
        "\n" +
        "label xe-serial\n" +
        "  # XenServer (Serial)\n" +
        "  kernel mboot.c32\n" +
        "  append /boot/xen.gz com1=115200,8n1 console=com1,vga dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 --- /boot/vmlinuz-3.10-xen root=LABEL=root-qvcoinzp ro hpet=disable console=tty0 xencons=hvc console=hvc0 --- /boot/initrd-3.10-xen.img\n" +
        "\n" +
        "label safe\n" +
        "  # XenServer in Safe Mode\n" +
        "  kernel mboot.c32\n" +
        "  append /boot/xen.gz nosmp noreboot noirqbalance no-mce no-bootscrub no-numa no-hap no-mmcfg iommu=off max_cstate=0 nmi=ignore allow_unsafe dom0_mem=752M,max:752M com1=115200,8n1 console=com1,vga --- /boot/vmlinuz-3.10-xen earlyprintk=xen root=LABEL=root-qvcoinzp ro hpet=disable console=tty0 xencons=hvc console=hvc0 --- /boot/initrd-3.10-xen.img\n" +
        "\n" +
        "label fallback\n" +
        "  # XenServer (Xen 4.4.1-xs90192 / Linux 3.10.0+2)\n" +
        "  kernel mboot.c32\n" +
        "  append /boot/xen-4.4.1-xs90192.gz dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 --- /boot/vmlinuz-fallback root=LABEL=root-qvcoinzp ro hpet=disable xencons=hvc console=hvc0 console=tty0 --- /boot/initrd-fallback.img\n";

    /// <summary>
    /// A Debian extlinux.conf in the syslinux manual's keyword set (upper and lower case are the same to
    /// syslinux), with a MENU LABEL, an INITRD line, initrd= inside APPEND, a TEXT HELP block and a
    /// resume=LABEL= argument that a root= rewrite must leave alone.
    /// </summary>
    public const string DebianExtlinux =
        "## /boot/extlinux/extlinux.conf\r\n" +
        "DEFAULT debian\r\n" +
        "PROMPT 0\r\n" +
        "TIMEOUT 50\r\n" +
        "ONTIMEOUT debian\r\n" +
        "UI menu.c32\r\n" +
        "MENU TITLE xshost boot menu\r\n" +
        "\r\n" +
        "LABEL debian\r\n" +
        "\tMENU LABEL Debian GNU/Linux, kernel 6.1.0-50-amd64\r\n" +
        "\tLINUX /boot/vmlinuz-6.1.0-50-amd64\r\n" +
        "\tINITRD /boot/initrd.img-6.1.0-50-amd64\r\n" +
        "\tAPPEND root=UUID=77635693-db26-47ba-88c9-b34ccb254e56 ro quiet resume=LABEL=swap-abc\r\n" +
        "\tTEXT HELP\r\n" +
        "\t  Boots the installed system. root=/dev/sdz9 here is help text, not an argument.\r\n" +
        "\tENDTEXT\r\n" +
        "\r\n" +
        "label rescue\r\n" +
        "\tmenu label Debian GNU/Linux (rescue)\r\n" +
        "\tkernel /boot/vmlinuz-6.1.0-50-amd64\r\n" +
        "\tappend initrd=/boot/initrd.img-6.1.0-50-amd64 root=LABEL=root-abcdef ro single\r\n";
}
