#!/bin/sh
# Runs INSIDE the XCP-ng-shaped lab host's root (chroot, /proc /sys /dev bound) at build time, fed on stdin by
# build-xcpng after image/configure-common.sh. Env: LAB_KVER LAB_INITRD_DRIVERS.
set -eu
export LC_ALL=C

# The kernel, initrd and hypervisor under the names XCP-ng's grub.cfg uses (the kernel RPM's symlinks
# vmlinuz-<x.y>-xen and initrd-<x.y>-xen.img; /boot/xen.gz). Debian's hypervisor is gzip-compressed and Debian's
# GRUB has no gzio in the core image it builds, while the installer's grub.cfg loads no module: /boot/xen.gz is
# the gunzipped hypervisor (an ELF multiboot image) under the installer's name.
series=$(echo "$LAB_KVER" | cut -d. -f1,2)
for xen in /boot/xen-*-amd64.gz; do gunzip -c "$xen" > /boot/xen.gz; done
ln -sf "vmlinuz-$LAB_KVER" "/boot/vmlinuz-$series-xen"
ln -sf "initrd-$LAB_KVER.img" "/boot/initrd-$series-xen.img"

# Initrds: no systemd inside (dracut's own shell init: much faster under TCG than systemd in the initrd), no early
# microcode; rebuilds in the VM (xsraid, kernel updates) are host-only (the VM's own drivers).
cat > /etc/dracut.conf.d/50-lab.conf <<'CONF'
# lab: small initrds that start fast under TCG
omit_dracutmodules+=" systemd systemd-initrd systemd-networkd dracut-systemd plymouth crypt nvdimm "
early_microcode="no"
compress="zstd"
hostonly="yes"
CONF
# The first initrd: generic (host-only here would describe the build machine), these drivers only, md support.
# Debian's kernel hook made an initrd.img-<kver> too: XCP-ng names it initrd-<kver>.img.
rm -f /boot/initrd.img-*
dracut --quiet --force --no-hostonly --drivers "$LAB_INITRD_DRIVERS" --add mdraid \
  "/boot/initrd-$LAB_KVER.img" "$LAB_KVER"
lsinitrd "/boot/initrd-$LAB_KVER.img" | grep -q 'sbin/mdadm$' || { echo "the initrd has no mdadm" >&2; exit 1; }
# Debian's kernel hooks would write /boot/initrd.img-<kver> on a kernel update; XCP-ng's are called differently.
rm -f /etc/kernel/postinst.d/dracut /etc/kernel/postrm.d/dracut

# XCP-ng keeps mdadm's configuration in /etc/mdadm.conf (Debian's mdadm reads /etc/mdadm/mdadm.conf first).
rm -f /etc/mdadm/mdadm.conf
# mdadm's periodic checks would start a check in the middle of a scenario.
systemctl mask mdcheck_start.timer mdcheck_continue.timer mdmonitor-oneshot.timer >/dev/null 2>&1

# Under TCG a Xen dom0's udev can take longer than systemd's 90 s to show /dev/disk/by-label/logs-* (seen: the
# boot after a dom0 crash went to emergency mode): the installer's fstab stays as it is, systemd waits longer.
mkdir -p /etc/systemd/system.conf.d
printf '%s\n' '# lab: slow udev under TCG' '[Manager]' 'DefaultDeviceTimeoutSec=600' > /etc/systemd/system.conf.d/50-lab.conf

rm -f /etc/ssh/ssh_host_rsa_key* /etc/ssh/ssh_host_ecdsa_key* /var/log/*.log
