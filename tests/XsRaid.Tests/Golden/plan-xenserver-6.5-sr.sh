#!/usr/bin/env bash
# xsraid conversion plan for xenserver-65 (XenServer 6.x (CentOS 5 dom0, extlinux, mkinitrd))
# system disk /dev/sda (ata-ST500DM002-1BD142_Z3T4A1B2) + new disk /dev/sdb (ata-ST500DM002-1BD142_Z3T4C3D4) -> RAID1, md metadata 0.90
# Read it before you run it. Every step first checks whether its effect is already there and skips itself if so,
# so the script can be run again after an interruption. It stops at the first failing command.
# Phase 1 ends with a one-shot reboot into the mirror; run the script again once the host is back.
set -euo pipefail

XS_INPUT=$(mktemp -d)
trap 'rm -rf "$XS_INPUT"' EXIT
step() { printf '\n== %s: %s\n' "$1" "$2"; }
skip() { printf '   already done: %s\n' "$1"; }
fail() { printf 'xsraid script: step %s failed its check: %s\n' "$1" "$2" >&2; exit 1; }

# The disks must still have the kernel names this script was made with (names can change across a reboot).
sh -c 'd=$1; shift; while [ $# -ge 2 ]; do now=$(readlink -f "$d/$2" 2>/dev/null); if [ "$now" != "$1" ]; then echo "$d/$2 is ${now:-missing}, not $1" >&2; exit 1; fi; shift 2; done' sh /dev/disk/by-id /dev/sda ata-ST500DM002-1BD142_Z3T4A1B2 /dev/sdb ata-ST500DM002-1BD142_Z3T4C3D4 || { echo 'xsraid script: the disks have other kernel names than when this script was made; nothing was done. Make the script again (xsraid plan --script) before phase 1, or use the names the disks have now (see ls -l /dev/disk/by-id).' >&2; exit 1; }

# ===== Phase 1: build the degraded mirror on /dev/sdb, then reboot into it once =====
if ! sh -c '[ -b "$1" ] && [ "$(stat -c %d /)" = "$(( 0x$(stat -L -c %t "$1") * 256 + 0x$(stat -L -c %T "$1") ))" ]' sh /dev/md0; then

  # --- partition-target: Copy the partition layout to the target disk
  # Why: The mirror's members must have the system disk's partition sizes; new GUIDs keep the two disks distinct (sgdisk -R copies them), type Linux RAID marks the members.
  # WRITES /dev/sdb
  step partition-target 'Copy the partition layout to the target disk'
  if sh -c 'd=$1; r=$2; shift 2; l() { sgdisk -p "$1" 2>/dev/null | awk '\''$1 ~ /^[0-9]+$/ {print $1, $2, $3}'\''; }; a=$(l "$d"); [ -n "$a" ] && [ "$a" = "$(l "$r")" ] || exit 1; for n in "$@"; do sgdisk -i "$n" "$d" 2>/dev/null | grep -qi '\''A19D880F-05FC-4D3B-A006-743F0F84911E'\'' || exit 1; done' sh /dev/sdb /dev/sda 1 2 3; then
    skip '/dev/sdb has /dev/sda'\''s partition layout with Linux RAID types'
  else
    sgdisk '--replicate=/dev/sdb' /dev/sda
    sgdisk --randomize-guids /dev/sdb
    sgdisk '--typecode=1:FD00' '--typecode=2:FD00' '--typecode=3:FD00' '--attributes=1:set:2' /dev/sdb
    sh -c 'settle() { udevadm settle >/dev/null 2>&1 || udevsettle >/dev/null 2>&1 || sleep 1; }; i=1; while settle; ! blockdev --rereadpt "$1"; do [ $i -lt 10 ] || exit 1; i=$((i + 1)); sleep 1; done; settle' sh /dev/sdb
  fi
  sh -c 'd=$1; r=$2; shift 2; l() { sgdisk -p "$1" 2>/dev/null | awk '\''$1 ~ /^[0-9]+$/ {print $1, $2, $3}'\''; }; a=$(l "$d"); [ -n "$a" ] && [ "$a" = "$(l "$r")" ] || exit 1; for n in "$@"; do sgdisk -i "$n" "$d" 2>/dev/null | grep -qi '\''A19D880F-05FC-4D3B-A006-743F0F84911E'\'' || exit 1; done' sh /dev/sdb /dev/sda 1 2 3 || fail partition-target '/dev/sdb has /dev/sda'\''s partition layout with Linux RAID types'

  # --- create-md0: Create /dev/md0 (root) degraded on /dev/sdb1
  # Why: RAID1 with the system disk's partition 1 'missing' for now; metadata 0.90 keeps the data at the partition start, the internal bitmap makes resyncs after a crash short.
  # WRITES /dev/sdb
  step create-md0 'Create /dev/md0 (root) degraded on /dev/sdb1'
  if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md0 /dev/sdb1; then
    skip '/dev/md0 runs with /dev/sdb1'
  else
    sh -c 'md=$1; awk -v d="${2##*/}" '\''$1 ~ /^md/ && $2 == ":" {for (i = 3; i <= NF; i++) if (split($i, p, "[") > 1 && p[1] == d) print $1, $3}'\'' /proc/mdstat | while read -r a state; do if [ "/dev/$a" = "$md" ] && [ "$state" = active ]; then continue; fi; mdadm --stop "/dev/$a" || exit 1; done' sh /dev/md0 /dev/sdb1
    mdadm --create /dev/md0 --run '--metadata=0.90' '--level=1' '--raid-devices=2' '--bitmap=internal' /dev/sdb1 missing
  fi
  sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md0 /dev/sdb1 || fail create-md0 '/dev/md0 runs with /dev/sdb1'

  # --- create-md1: Create /dev/md1 (backup) degraded on /dev/sdb2
  # Why: RAID1 with the system disk's partition 2 'missing' for now; metadata 1.0 keeps the data at the partition start, the internal bitmap makes resyncs after a crash short.
  # WRITES /dev/sdb
  step create-md1 'Create /dev/md1 (backup) degraded on /dev/sdb2'
  if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md1 /dev/sdb2; then
    skip '/dev/md1 runs with /dev/sdb2'
  else
    sh -c 'md=$1; awk -v d="${2##*/}" '\''$1 ~ /^md/ && $2 == ":" {for (i = 3; i <= NF; i++) if (split($i, p, "[") > 1 && p[1] == d) print $1, $3}'\'' /proc/mdstat | while read -r a state; do if [ "/dev/$a" = "$md" ] && [ "$state" = active ]; then continue; fi; mdadm --stop "/dev/$a" || exit 1; done' sh /dev/md1 /dev/sdb2
    mdadm --create /dev/md1 --run '--metadata=1.0' '--level=1' '--raid-devices=2' '--bitmap=internal' /dev/sdb2 missing
  fi
  sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md1 /dev/sdb2 || fail create-md1 '/dev/md1 runs with /dev/sdb2'

  # --- create-md2: Create /dev/md2 (storage) degraded on /dev/sdb3
  # Why: RAID1 with the system disk's partition 3 'missing' for now; metadata 1.0 keeps the data at the partition start, the internal bitmap makes resyncs after a crash short.
  # WRITES /dev/sdb
  step create-md2 'Create /dev/md2 (storage) degraded on /dev/sdb3'
  if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md2 /dev/sdb3; then
    skip '/dev/md2 runs with /dev/sdb3'
  else
    sh -c 'md=$1; awk -v d="${2##*/}" '\''$1 ~ /^md/ && $2 == ":" {for (i = 3; i <= NF; i++) if (split($i, p, "[") > 1 && p[1] == d) print $1, $3}'\'' /proc/mdstat | while read -r a state; do if [ "/dev/$a" = "$md" ] && [ "$state" = active ]; then continue; fi; mdadm --stop "/dev/$a" || exit 1; done' sh /dev/md2 /dev/sdb3
    mdadm --create /dev/md2 --run '--metadata=1.0' '--level=1' '--raid-devices=2' '--bitmap=internal' /dev/sdb3 missing
  fi
  sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md2 /dev/sdb3 || fail create-md2 '/dev/md2 runs with /dev/sdb3'

  # --- mkfs-root: Make the ext3 filesystem on /dev/md0
  # Why: The new root. It gets a temporary label (xsraid-gbyxpnqd) so that while the old root exists no boot can confuse the two; the root label comes back in phase 2.
  # WRITES /dev/sdb
  step mkfs-root 'Make the ext3 filesystem on /dev/md0'
  if sh -c '[ "$(e2label "$1" 2>/dev/null)" = "$2" ]' sh /dev/md0 xsraid-gbyxpnqd; then
    skip '/dev/md0 carries the temporary label xsraid-gbyxpnqd'
  else
    mkfs.ext3 -q -L xsraid-gbyxpnqd /dev/md0
  fi
  sh -c '[ "$(e2label "$1" 2>/dev/null)" = "$2" ]' sh /dev/md0 xsraid-gbyxpnqd || fail mkfs-root '/dev/md0 carries the temporary label xsraid-gbyxpnqd'

  # --- mount-new-root: Mount the new root, and bind the old root beside it
  # Why: The copy reads the old root through a bind mount, which also shows what mounts hide (static /dev nodes), and writes the array.
  step mount-new-root 'Mount the new root, and bind the old root beside it'
  sh -c 'mkdir -p "$2" && { awk -v m="$2" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts || mount "$1" "$2"; }' sh /dev/md0 /mnt/xsraid-root
  sh -c 'mkdir -p "$1" && { awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts || mount --bind / "$1"; }' sh /mnt/xsraid-root-src
  sh -c 'awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts' sh /mnt/xsraid-root || fail mount-new-root '/mnt/xsraid-root is mounted'

  # --- copy-root-live: Copy the running root onto the array (first pass, live)
  # Why: Most of the data moves while the host keeps running; the final pass after stopping writers is then short.
  # WRITES /dev/sdb
  step copy-root-live 'Copy the running root onto the array (first pass, live)'
  sh -c '[ ! -e "$1" ] || chattr -i "$1"' sh /mnt/xsraid-root/boot/ldlinux.sys
  cp -ax /mnt/xsraid-root-src/. /mnt/xsraid-root/

  # --- stop-writers: Stop the services that write to the root
  # Why: xapi and friends write their database continuously; stopping them makes the final copy consistent. Running VMs are not touched; the host reboots soon.
  step stop-writers 'Stop the services that write to the root'
  sh -c 'for s in "$@"; do if [ -x "/etc/init.d/$s" ]; then service "$s" stop || exit 1; fi; done' sh xapi xcp-rrdd v6d perfmon xenstored-stats

  # --- copy-root-final: Copy the root again (final pass)
  # Why: Picks up what changed during the first pass.
  # WRITES /dev/sdb
  step copy-root-final 'Copy the root again (final pass)'
  sh -c '[ ! -e "$1" ] || chattr -i "$1"' sh /mnt/xsraid-root/boot/ldlinux.sys
  cp -ax /mnt/xsraid-root-src/. /mnt/xsraid-root/

  # --- write-mdadm-conf: Write mdadm.conf on the new root
  # Why: The initrd assembles the arrays from these ARRAY lines (by UUID); MAILADDR root lets mdadm --monitor report a failed disk.
  # WRITES /dev/sdb
  step write-mdadm-conf 'Write mdadm.conf on the new root'
  if sh -c 'conf=$1; shift; [ -f "$conf" ] || exit 1; for md in "$@"; do u=$(mdadm --detail --brief "$md" 2>/dev/null | sed -n '\''s/.*UUID=\([0-9a-fA-F:]*\).*/\1/p'\''); [ -n "$u" ] && grep -qi "UUID=$u" "$conf" || exit 1; done' sh /mnt/xsraid-root/etc/mdadm.conf /dev/md0 /dev/md1 /dev/md2; then
    skip '/etc/mdadm.conf on the array lists every array by UUID'
  else
    sh -c 'conf=$1; shift; mkdir -p "$(dirname "$conf")" && { echo '\''# written by xsraid: the mirrored arrays, by UUID'\''; echo '\''DEVICE partitions'\''; echo '\''MAILADDR root'\''; for md in "$@"; do mdadm --detail --brief "$md" | grep '\''^ARRAY'\'' || exit 1; done; } > "$conf.xsraid-new" && mv -f "$conf.xsraid-new" "$conf"' sh /mnt/xsraid-root/etc/mdadm.conf /dev/md0 /dev/md1 /dev/md2
  fi
  sh -c 'conf=$1; shift; [ -f "$conf" ] || exit 1; for md in "$@"; do u=$(mdadm --detail --brief "$md" 2>/dev/null | sed -n '\''s/.*UUID=\([0-9a-fA-F:]*\).*/\1/p'\''); [ -n "$u" ] && grep -qi "UUID=$u" "$conf" || exit 1; done' sh /mnt/xsraid-root/etc/mdadm.conf /dev/md0 /dev/md1 /dev/md2 || fail write-mdadm-conf '/etc/mdadm.conf on the array lists every array by UUID'

  # --- rewrite-fstab: Point /etc/fstab on the new root at the array
  # Why: / is mounted as /dev/md0; only the root line changes (other LABEL= entries are left alone).
  # WRITES /dev/sdb
  step rewrite-fstab 'Point /etc/fstab on the new root at the array'
  cat > "$XS_INPUT"/rewrite-fstab.1 <<'XSRAID_EOF'
/dev/md0    /         ext3     defaults   1  1
/var/swap/swap.001          swap      swap   defaults   0  0
none        /dev/pts  devpts defaults   0  0
none        /dev/shm  tmpfs  defaults   0  0
none        /proc     proc   defaults   0  0
none        /sys      sysfs  defaults   0  0
none        /sys/fs/cgroup cgroup memory 0 0
/opt/xensource/packages/iso/XenCenter.iso   /var/xen/xc-install   iso9660   loop,ro   0  0
XSRAID_EOF
  if sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/etc/fstab < "$XS_INPUT"/rewrite-fstab.1; then
    skip '/mnt/xsraid-root/etc/fstab has the new content'
  else
    sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /mnt/xsraid-root/etc/fstab < "$XS_INPUT"/rewrite-fstab.1
  fi
  sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/etc/fstab < "$XS_INPUT"/rewrite-fstab.1 || fail rewrite-fstab '/mnt/xsraid-root/etc/fstab has the new content'

  # --- rewrite-boot-config: Point every boot entry of the new root at the array
  # Why: root= becomes /dev/md0 in every entry of /boot/extlinux.conf, nothing else changes.
  # WRITES /dev/sdb
  step rewrite-boot-config 'Point every boot entry of the new root at the array'
  cat > "$XS_INPUT"/rewrite-boot-config.1 <<'XSRAID_EOF'
# location mbr
serial 0 115200
default xe
prompt 1
timeout 50

label xe
  # XenServer
  kernel mboot.c32
  append /boot/xen.gz dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 console=vga vga=mode-0x0311 --- /boot/vmlinuz-3.10-xen root=/dev/md0 ro hpet=disable xencons=hvc console=hvc0 console=tty0 quiet vga=785 splash --- /boot/initrd-3.10-xen.img

label xe-serial
  # XenServer (Serial)
  kernel mboot.c32
  append /boot/xen.gz com1=115200,8n1 console=com1,vga dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 --- /boot/vmlinuz-3.10-xen root=/dev/md0 ro hpet=disable console=tty0 xencons=hvc console=hvc0 --- /boot/initrd-3.10-xen.img

label safe
  # XenServer in Safe Mode
  kernel mboot.c32
  append /boot/xen.gz nosmp noreboot noirqbalance no-mce no-bootscrub no-numa no-hap no-mmcfg iommu=off max_cstate=0 nmi=ignore allow_unsafe dom0_mem=752M,max:752M com1=115200,8n1 console=com1,vga --- /boot/vmlinuz-3.10-xen earlyprintk=xen root=/dev/md0 ro hpet=disable console=tty0 xencons=hvc console=hvc0 --- /boot/initrd-3.10-xen.img

label fallback
  # XenServer (Xen 4.4.1-xs90192 / Linux 3.10.0+2)
  kernel mboot.c32
  append /boot/xen-4.4.1-xs90192.gz dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 --- /boot/vmlinuz-fallback root=/dev/md0 ro hpet=disable xencons=hvc console=hvc0 console=tty0 --- /boot/initrd-fallback.img
XSRAID_EOF
  if sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/boot/extlinux.conf < "$XS_INPUT"/rewrite-boot-config.1; then
    skip '/mnt/xsraid-root/boot/extlinux.conf has the new content'
  else
    sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /mnt/xsraid-root/boot/extlinux.conf < "$XS_INPUT"/rewrite-boot-config.1
  fi
  sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/boot/extlinux.conf < "$XS_INPUT"/rewrite-boot-config.1 || fail rewrite-boot-config '/mnt/xsraid-root/boot/extlinux.conf has the new content'

  # --- rebuild-initrd: Rebuild the initrd inside the new root
  # Why: The initrd must load raid1 and assemble the root array before it can mount /; it is made after mdadm.conf, whose arrays it assembles.
  # WRITES /dev/sdb
  step rebuild-initrd 'Rebuild the initrd inside the new root'
  if sh -c '[ -s "$1" ] && ! [ "$2" -nt "$1" ]' sh /mnt/xsraid-root/boot/initrd-3.10.0+2.img /mnt/xsraid-root/etc/mdadm.conf; then
    skip '/boot/initrd-3.10.0+2.img on the new root is not older than its /etc/mdadm.conf'
  else
    sh -c 'r=$1; shift; for d in sys proc dev; do umount "$r/$d" 2>/dev/null; done; mount --bind /dev "$r/dev" && mount -t proc proc "$r/proc" && mount -t sysfs sysfs "$r/sys" && chroot "$r" "$@"; rc=$?; for d in sys proc dev; do umount "$r/$d" 2>/dev/null; done; exit $rc' sh /mnt/xsraid-root mkinitrd -f '--with=raid1' /boot/initrd-3.10.0+2.img 3.10.0+2
  fi
  sh -c '[ -s "$1" ] && ! [ "$2" -nt "$1" ]' sh /mnt/xsraid-root/boot/initrd-3.10.0+2.img /mnt/xsraid-root/etc/mdadm.conf || fail rebuild-initrd '/boot/initrd-3.10.0+2.img on the new root is not older than its /etc/mdadm.conf'

  # --- install-bootloader-array: Install extlinux on the array
  # Why: --raid makes the boot code try the next disk if this one fails; with metadata at the end the members look like plain filesystems to the boot code.
  # WRITES /dev/sdb
  step install-bootloader-array 'Install extlinux on the array'
  extlinux --install --raid /mnt/xsraid-root/boot
  test -s /mnt/xsraid-root/boot/ldlinux.sys || fail install-bootloader-array 'ldlinux.sys is on the array'

  # --- boot-code-target: Write the boot code to the target disk's MBR
  # Why: gptmbr.bin boots the partition with the legacy-BIOS-bootable attribute (set on partition 1).
  # WRITES /dev/sdb
  step boot-code-target 'Write the boot code to the target disk'\''s MBR'
  if sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/share/syslinux/gptmbr.bin /dev/sdb; then
    skip '/dev/sdb has gptmbr.bin in its MBR'
  else
    sh -c 'dd if="$1" of="$2" bs=440 count=1 conv=notrunc 2>/dev/null && sync' sh /usr/share/syslinux/gptmbr.bin /dev/sdb
    sgdisk '--attributes=1:set:2' /dev/sdb
  fi
  sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/share/syslinux/gptmbr.bin /dev/sdb || fail boot-code-target '/dev/sdb has gptmbr.bin in its MBR'

  # --- stage-one-shot-initrd: Put the mirror's initrd beside the old one
  # Why: The one-shot entry boots the original disk's kernel with the new initrd, which can assemble the array.
  # WRITES /dev/sda
  step stage-one-shot-initrd 'Put the mirror'\''s initrd beside the old one'
  if cmp -s /mnt/xsraid-root/boot/initrd-3.10.0+2.img /boot/xsraid-initrd.img; then
    skip '/boot/xsraid-initrd.img is the new initrd'
  else
    cp /mnt/xsraid-root/boot/initrd-3.10.0+2.img /boot/xsraid-initrd.img
  fi
  cmp -s /mnt/xsraid-root/boot/initrd-3.10.0+2.img /boot/xsraid-initrd.img || fail stage-one-shot-initrd '/boot/xsraid-initrd.img is the new initrd'

  # --- add-one-shot-entry: Add the boot entry 'xsraid' to the original disk
  # Why: An extra entry with root=/dev/md0 and panic=30; the default entry stays the old system, which is the roll-back point.
  # WRITES /dev/sda
  step add-one-shot-entry 'Add the boot entry '\''xsraid'\'' to the original disk'
  cat > "$XS_INPUT"/add-one-shot-entry.1 <<'XSRAID_EOF'
# location mbr
serial 0 115200
default xe
prompt 1
timeout 50

label xe
  # XenServer
  kernel mboot.c32
  append /boot/xen.gz dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 console=vga vga=mode-0x0311 --- /boot/vmlinuz-3.10-xen root=LABEL=root-qvcoinzp ro hpet=disable xencons=hvc console=hvc0 console=tty0 quiet vga=785 splash --- /boot/initrd-3.10-xen.img

label xe-serial
  # XenServer (Serial)
  kernel mboot.c32
  append /boot/xen.gz com1=115200,8n1 console=com1,vga dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 --- /boot/vmlinuz-3.10-xen root=LABEL=root-qvcoinzp ro hpet=disable console=tty0 xencons=hvc console=hvc0 --- /boot/initrd-3.10-xen.img

label safe
  # XenServer in Safe Mode
  kernel mboot.c32
  append /boot/xen.gz nosmp noreboot noirqbalance no-mce no-bootscrub no-numa no-hap no-mmcfg iommu=off max_cstate=0 nmi=ignore allow_unsafe dom0_mem=752M,max:752M com1=115200,8n1 console=com1,vga --- /boot/vmlinuz-3.10-xen earlyprintk=xen root=LABEL=root-qvcoinzp ro hpet=disable console=tty0 xencons=hvc console=hvc0 --- /boot/initrd-3.10-xen.img

label fallback
  # XenServer (Xen 4.4.1-xs90192 / Linux 3.10.0+2)
  kernel mboot.c32
  append /boot/xen-4.4.1-xs90192.gz dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 --- /boot/vmlinuz-fallback root=LABEL=root-qvcoinzp ro hpet=disable xencons=hvc console=hvc0 console=tty0 --- /boot/initrd-fallback.img

label xsraid
  # xsraid: boot the RAID1 mirror (armed once by extlinux --once)
  kernel mboot.c32
  append /boot/xen.gz dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 console=vga vga=mode-0x0311 --- /boot/vmlinuz-3.10-xen root=/dev/md0 ro hpet=disable xencons=hvc console=hvc0 console=tty0 quiet vga=785 splash panic=30 --- /boot/xsraid-initrd.img
XSRAID_EOF
  if sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /boot/extlinux.conf < "$XS_INPUT"/add-one-shot-entry.1; then
    skip '/boot/extlinux.conf has the new content'
  else
    sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /boot/extlinux.conf < "$XS_INPUT"/add-one-shot-entry.1
  fi
  sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /boot/extlinux.conf < "$XS_INPUT"/add-one-shot-entry.1 || fail add-one-shot-entry '/boot/extlinux.conf has the new content'

  # --- unmount-new-root: Unmount the new root
  # Why: Everything is written; the array's filesystem is clean for the reboot.
  step unmount-new-root 'Unmount the new root'
  sh -c 'if awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts; then sync; umount "$1"; fi' sh /mnt/xsraid-root-src
  sh -c 'if awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts; then sync; umount "$1"; fi' sh /mnt/xsraid-root

  # --- arm-one-shot: Arm 'xsraid' for the next boot only
  # Why: extlinux --once boots the entry once; the boot after that is the default again, so a mirror that does not come up rolls back by itself.
  # WRITES /dev/sda
  step arm-one-shot 'Arm '\''xsraid'\'' for the next boot only'
  if sh -c '[ -f "$1/ldlinux.sys" ] || exit 2; tail -c 1024 "$1/ldlinux.sys" | grep -a -q -F "$2"' sh /boot xsraid; then
    skip ''\''xsraid'\'' is armed for the next boot (extlinux --once)'
  else
    extlinux '--once=xsraid' /boot
  fi
  sh -c '[ -f "$1/ldlinux.sys" ] || exit 2; tail -c 1024 "$1/ldlinux.sys" | grep -a -q -F "$2"' sh /boot xsraid || fail arm-one-shot ''\''xsraid'\'' is armed for the next boot (extlinux --once)'

  # STOP POINT: Reboot into the mirror. The stop point: the host reboots once, with no console or BIOS change; xsraid waits for it and checks where / is.
  echo 'Phase 1 is done. The host now reboots once into the mirror; if that boot fails it comes back on the old system.'
  echo 'When it is back, run this script again to continue with phase 2.'
  reboot
  exit 0
fi

# ===== Phase 2: / runs from the mirror; the original disk /dev/sda joins it =====

# --- verify-root-on-array: Check that / is /dev/md0
# Why: Nothing touches the original disk unless the host really runs from the mirror; otherwise this is a roll-back.
step verify-root-on-array 'Check that / is /dev/md0'
sh -c '[ -b "$1" ] && [ "$(stat -c %d /)" = "$(( 0x$(stat -L -c %t "$1") * 256 + 0x$(stat -L -c %T "$1") ))" ]' sh /dev/md0 || fail verify-root-on-array '/ is on /dev/md0'

# --- make-mirror-default: Make the mirror the default boot of the original disk
# Why: Until the original disk has joined, a reboot must come back on the mirror, not on the old root.
# WRITES /dev/sda
step make-mirror-default 'Make the mirror the default boot of the original disk'
cat > "$XS_INPUT"/make-mirror-default.1 <<'XSRAID_EOF'
# location mbr
serial 0 115200
default xsraid
prompt 1
timeout 50

label xe
  # XenServer
  kernel mboot.c32
  append /boot/xen.gz dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 console=vga vga=mode-0x0311 --- /boot/vmlinuz-3.10-xen root=LABEL=root-qvcoinzp ro hpet=disable xencons=hvc console=hvc0 console=tty0 quiet vga=785 splash --- /boot/initrd-3.10-xen.img

label xe-serial
  # XenServer (Serial)
  kernel mboot.c32
  append /boot/xen.gz com1=115200,8n1 console=com1,vga dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 --- /boot/vmlinuz-3.10-xen root=LABEL=root-qvcoinzp ro hpet=disable console=tty0 xencons=hvc console=hvc0 --- /boot/initrd-3.10-xen.img

label safe
  # XenServer in Safe Mode
  kernel mboot.c32
  append /boot/xen.gz nosmp noreboot noirqbalance no-mce no-bootscrub no-numa no-hap no-mmcfg iommu=off max_cstate=0 nmi=ignore allow_unsafe dom0_mem=752M,max:752M com1=115200,8n1 console=com1,vga --- /boot/vmlinuz-3.10-xen earlyprintk=xen root=LABEL=root-qvcoinzp ro hpet=disable console=tty0 xencons=hvc console=hvc0 --- /boot/initrd-3.10-xen.img

label fallback
  # XenServer (Xen 4.4.1-xs90192 / Linux 3.10.0+2)
  kernel mboot.c32
  append /boot/xen-4.4.1-xs90192.gz dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 --- /boot/vmlinuz-fallback root=LABEL=root-qvcoinzp ro hpet=disable xencons=hvc console=hvc0 console=tty0 --- /boot/initrd-fallback.img

label xsraid
  # xsraid: boot the RAID1 mirror (armed once by extlinux --once)
  kernel mboot.c32
  append /boot/xen.gz dom0_mem=752M,max:752M watchdog dom0_max_vcpus=1 crashkernel=128M@32M cpuid_mask_xsave_eax=0 console=vga vga=mode-0x0311 --- /boot/vmlinuz-3.10-xen root=/dev/md0 ro hpet=disable xencons=hvc console=hvc0 console=tty0 quiet vga=785 splash panic=30 --- /boot/xsraid-initrd.img
XSRAID_EOF
if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md0 /dev/sda1; then
  skip '/dev/sda1 is already part of /dev/md0'
else
  sh -c 'mkdir -p "$2" && { awk -v m="$2" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts || mount "$1" "$2"; }' sh /dev/sda1 /mnt/xsraid-root-old
  sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /mnt/xsraid-root-old/boot/extlinux.conf < "$XS_INPUT"/make-mirror-default.1
  sh -c 'if awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts; then sync; umount "$1"; fi' sh /mnt/xsraid-root-old
fi

# --- pv-create-storage: Make /dev/md2 an LVM physical volume
# Why: It takes the volume group VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6; its metadata area is as large as the old PV's, so the VG's metadata fits on it.
# WRITES /dev/md2
step pv-create-storage 'Make /dev/md2 an LVM physical volume'
if sh -c 'pvs --noheadings -o pv_name "$1" >/dev/null 2>&1' sh /dev/md2; then
  skip '/dev/md2 is an LVM physical volume'
else
  pvcreate '--metadatasize=11260k' /dev/md2
fi
sh -c 'pvs --noheadings -o pv_name "$1" >/dev/null 2>&1' sh /dev/md2 || fail pv-create-storage '/dev/md2 is an LVM physical volume'

# --- vg-extend-storage: Add /dev/md2 to the volume group VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6
# Why: pvmove moves extents only between PVs of the same volume group.
# WRITES /dev/md2
step vg-extend-storage 'Add /dev/md2 to the volume group VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6'
if sh -c '[ "$(pvs --noheadings -o vg_name "$2" 2>/dev/null | tr -d '\'' '\'')" = "$1" ]' sh VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 /dev/md2; then
  skip '/dev/md2 is a physical volume of VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6'
else
  vgextend VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 /dev/md2
fi
sh -c '[ "$(pvs --noheadings -o vg_name "$2" 2>/dev/null | tr -d '\'' '\'')" = "$1" ]' sh VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 /dev/md2 || fail vg-extend-storage '/dev/md2 is a physical volume of VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6'

# --- pv-move-storage: Move VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 from /dev/sda3 to /dev/md2 (pvmove, online)
# Why: LVM mirrors each segment to the array and switches it over while the VMs keep running; xsraid shows its progress (lvs copy_percent). Meanwhile LVM refuses to resize or snapshot a volume being moved: leave VDI snapshots and resizes until it is done. LVM records the move in the VG's metadata: after an interruption (a killed run, a reboot) the step runs plain `pvmove`, which continues from LVM's last checkpoint; it is never restarted or aborted (an abort would leave the VG split over both PVs).
# WRITES /dev/md2
step pv-move-storage 'Move VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 from /dev/sda3 to /dev/md2 (pvmove, online)'
if sh -c 'lvs -a --noheadings -o lv_attr "$1" 2>/dev/null | grep -q '\''^ *p'\'' && exit 1; r=$(pvs --noheadings -o vg_name,pv_pe_alloc_count --separator '\''|'\'' "$2" 2>/dev/null) || exit 0; r=$(echo "$r" | tr -d '\'' '\''); [ "${r%%|*}" != "$1" ] || [ "${r##*|}" = 0 ]' sh VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 /dev/sda3; then
  skip 'nothing of VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 is left on /dev/sda3 and no pvmove is in progress'
else
  sh -c 'if lvs -a --noheadings -o lv_attr "$1" 2>/dev/null | grep -q '\''^ *p'\''; then pvmove -i 10; else pvmove -i 10 "$2" "$3"; fi' sh VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 /dev/sda3 /dev/md2
fi
sh -c 'lvs -a --noheadings -o lv_attr "$1" 2>/dev/null | grep -q '\''^ *p'\'' && exit 1; r=$(pvs --noheadings -o vg_name,pv_pe_alloc_count --separator '\''|'\'' "$2" 2>/dev/null) || exit 0; r=$(echo "$r" | tr -d '\'' '\''); [ "${r%%|*}" != "$1" ] || [ "${r##*|}" = 0 ]' sh VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 /dev/sda3 || fail pv-move-storage 'nothing of VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 is left on /dev/sda3 and no pvmove is in progress'

# --- vg-reduce-storage: Take /dev/sda3 out of the volume group VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6
# Why: It holds no extent any more; the VG then lives on the mirror alone.
# WRITES /dev/sda3
step vg-reduce-storage 'Take /dev/sda3 out of the volume group VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6'
if sh -c '[ "$(pvs --noheadings -o pv_name,vg_name --separator '\''|'\'' 2>/dev/null | tr -d '\'' '\'' | awk -F'\''|'\'' -v vg="$1" '\''$2 == vg {print $1}'\'')" = "$2" ]' sh VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 /dev/md2; then
  skip 'VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 is only on /dev/md2'
else
  vgreduce VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 /dev/sda3
fi
sh -c '[ "$(pvs --noheadings -o pv_name,vg_name --separator '\''|'\'' 2>/dev/null | tr -d '\'' '\'' | awk -F'\''|'\'' -v vg="$1" '\''$2 == vg {print $1}'\'')" = "$2" ]' sh VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 /dev/md2 || fail vg-reduce-storage 'VG_XenStorage-54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6 is only on /dev/md2'

# --- pv-remove-storage: Remove the LVM label from /dev/sda3
# Why: No stale copy of the PV may be found when the partition joins the array (it is wiped there too).
# WRITES /dev/sda3
step pv-remove-storage 'Remove the LVM label from /dev/sda3'
if sh -c '! pvs --noheadings -o pv_name "$1" >/dev/null 2>&1' sh /dev/sda3; then
  skip '/dev/sda3 is no LVM physical volume'
else
  pvremove /dev/sda3
fi
sh -c '! pvs --noheadings -o pv_name "$1" >/dev/null 2>&1' sh /dev/sda3 || fail pv-remove-storage '/dev/sda3 is no LVM physical volume'

# --- repartition-source: Copy the mirror's partition layout to the original disk
# Why: Same layout, new GUIDs. Partition 1 is not marked bootable until its resync is done, so a reset during the resync boots the complete disk.
# WRITES /dev/sda
step repartition-source 'Copy the mirror'\''s partition layout to the original disk'
if sh -c 'd=$1; r=$2; shift 2; l() { sgdisk -p "$1" 2>/dev/null | awk '\''$1 ~ /^[0-9]+$/ {print $1, $2, $3}'\''; }; a=$(l "$d"); [ -n "$a" ] && [ "$a" = "$(l "$r")" ] || exit 1; for n in "$@"; do sgdisk -i "$n" "$d" 2>/dev/null | grep -qi '\''A19D880F-05FC-4D3B-A006-743F0F84911E'\'' || exit 1; done' sh /dev/sda /dev/sdb 1 2 3; then
  skip '/dev/sda has /dev/sdb'\''s layout with Linux RAID types'
else
  sgdisk '--replicate=/dev/sda' /dev/sdb
  sgdisk --randomize-guids '--attributes=1:clear:2' /dev/sda
  sh -c 'settle() { udevadm settle >/dev/null 2>&1 || udevsettle >/dev/null 2>&1 || sleep 1; }; i=1; while settle; ! blockdev --rereadpt "$1"; do [ $i -lt 10 ] || exit 1; i=$((i + 1)); sleep 1; done; settle' sh /dev/sda
fi
sh -c 'd=$1; r=$2; shift 2; l() { sgdisk -p "$1" 2>/dev/null | awk '\''$1 ~ /^[0-9]+$/ {print $1, $2, $3}'\''; }; a=$(l "$d"); [ -n "$a" ] && [ "$a" = "$(l "$r")" ] || exit 1; for n in "$@"; do sgdisk -i "$n" "$d" 2>/dev/null | grep -qi '\''A19D880F-05FC-4D3B-A006-743F0F84911E'\'' || exit 1; done' sh /dev/sda /dev/sdb 1 2 3 || fail repartition-source '/dev/sda has /dev/sdb'\''s layout with Linux RAID types'

# --- join-md0: Add /dev/sda1 to /dev/md0
# Why: Stale signatures are wiped first, then the partition joins and the mirror copies onto it.
# WRITES /dev/sda
step join-md0 'Add /dev/sda1 to /dev/md0'
if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md0 /dev/sda1; then
  skip '/dev/md0 has /dev/sda1'
else
  sh -c 'dev=$1; mdadm --zero-superblock --force "$dev" >/dev/null 2>&1; size=$(blockdev --getsz "$dev") || exit 1; n=2048; [ "$size" -lt $n ] && n=$size; dd if=/dev/zero of="$dev" bs=512 count=$n conv=notrunc 2>/dev/null && dd if=/dev/zero of="$dev" bs=512 seek=$((size - n)) count=$n conv=notrunc 2>/dev/null' sh /dev/sda1
  mdadm /dev/md0 --add /dev/sda1
fi
sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md0 /dev/sda1 || fail join-md0 '/dev/md0 has /dev/sda1'

# --- join-md1: Add /dev/sda2 to /dev/md1
# Why: Stale signatures are wiped first, then the partition joins and the mirror copies onto it.
# WRITES /dev/sda
step join-md1 'Add /dev/sda2 to /dev/md1'
if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md1 /dev/sda2; then
  skip '/dev/md1 has /dev/sda2'
else
  sh -c 'dev=$1; mdadm --zero-superblock --force "$dev" >/dev/null 2>&1; size=$(blockdev --getsz "$dev") || exit 1; n=2048; [ "$size" -lt $n ] && n=$size; dd if=/dev/zero of="$dev" bs=512 count=$n conv=notrunc 2>/dev/null && dd if=/dev/zero of="$dev" bs=512 seek=$((size - n)) count=$n conv=notrunc 2>/dev/null' sh /dev/sda2
  mdadm /dev/md1 --add /dev/sda2
fi
sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md1 /dev/sda2 || fail join-md1 '/dev/md1 has /dev/sda2'

# --- join-md2: Add /dev/sda3 to /dev/md2
# Why: Stale signatures are wiped first, then the partition joins and the mirror copies onto it.
# WRITES /dev/sda
step join-md2 'Add /dev/sda3 to /dev/md2'
if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md2 /dev/sda3; then
  skip '/dev/md2 has /dev/sda3'
else
  sh -c 'dev=$1; mdadm --zero-superblock --force "$dev" >/dev/null 2>&1; size=$(blockdev --getsz "$dev") || exit 1; n=2048; [ "$size" -lt $n ] && n=$size; dd if=/dev/zero of="$dev" bs=512 count=$n conv=notrunc 2>/dev/null && dd if=/dev/zero of="$dev" bs=512 seek=$((size - n)) count=$n conv=notrunc 2>/dev/null' sh /dev/sda3
  mdadm /dev/md2 --add /dev/sda3
fi
sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md2 /dev/sda3 || fail join-md2 '/dev/md2 has /dev/sda3'

# --- raise-resync-speed: Raise the resync speed floor
# Why: speed_limit_min 100000 KB/s so the resync is not starved; restored afterwards.
step raise-resync-speed 'Raise the resync speed floor'
if sh -c 'for md in "$@"; do s=$(mdadm --detail "$md" 2>/dev/null) || exit 1; echo "$s" | grep -Eq '\''State : (clean|active)[ ,]*$'\'' || exit 1; done' sh /dev/md0 /dev/md1 /dev/md2; then
  skip 'every array is clean with both members'
else
  sh -c 'echo "$1" > /proc/sys/dev/raid/speed_limit_min' sh 100000
fi

# --- wait-resync: Wait for the resync
# Why: The original disk holds a full copy only when every array is clean.
step wait-resync 'Wait for the resync'
if sh -c 'for md in "$@"; do s=$(mdadm --detail "$md" 2>/dev/null) || exit 1; echo "$s" | grep -Eq '\''State : (clean|active)[ ,]*$'\'' || exit 1; done' sh /dev/md0 /dev/md1 /dev/md2; then
  skip 'every array is clean with both members'
else
  sh -c 'mdadm --wait "$@" >/dev/null 2>&1; exit 0' sh /dev/md0 /dev/md1 /dev/md2
fi
sh -c 'for md in "$@"; do s=$(mdadm --detail "$md" 2>/dev/null) || exit 1; echo "$s" | grep -Eq '\''State : (clean|active)[ ,]*$'\'' || exit 1; done' sh /dev/md0 /dev/md1 /dev/md2 || fail wait-resync 'every array is clean with both members'

# --- restore-resync-speed: Restore the resync speed floor
# Why: Back to the host's own setting.
step restore-resync-speed 'Restore the resync speed floor'
sh -c 'echo "$1" > /proc/sys/dev/raid/speed_limit_min' sh 1000

# --- boot-code-source: Write the boot code to the original disk and mark partition 1 bootable
# Why: Both disks boot alone: boot code in both MBRs, legacy-BIOS-bootable on both.
# WRITES /dev/sda
step boot-code-source 'Write the boot code to the original disk and mark partition 1 bootable'
sh -c 'dd if="$1" of="$2" bs=440 count=1 conv=notrunc 2>/dev/null && sync' sh /usr/share/syslinux/gptmbr.bin /dev/sda
sgdisk '--attributes=1:set:2' /dev/sda
sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/share/syslinux/gptmbr.bin /dev/sda || fail boot-code-source '/dev/sda has gptmbr.bin in its MBR'

# --- restore-root-label: Give the root filesystem its label root-qvcoinzp back
# Why: The old root is gone, so the label is unambiguous again; tools that look for it find the mirror. udev is told, so /dev/disk/by-label has it at once.
# WRITES /dev/md0
step restore-root-label 'Give the root filesystem its label root-qvcoinzp back'
if sh -c '[ "$(e2label "$1" 2>/dev/null)" = "$2" ]' sh /dev/md0 root-qvcoinzp; then
  skip '/dev/md0 is labelled root-qvcoinzp'
else
  e2label /dev/md0 root-qvcoinzp
  sh -c 'command -v udevadm >/dev/null 2>&1 || exit 0
udevadm trigger --action=change --subsystem-match=block --sysname-match="$(basename "$(readlink -f "$1")")" && udevadm settle --timeout=60
exit 0' sh /dev/md0
fi
sh -c '[ "$(e2label "$1" 2>/dev/null)" = "$2" ]' sh /dev/md0 root-qvcoinzp || fail restore-root-label '/dev/md0 is labelled root-qvcoinzp'

# --- verify-mirror: Verify the mirror
# Why: Every array clean with both members, boot code on both disks, mdadm.conf lists the arrays by UUID, the initrd holds raid1 and mdadm.conf, / on the array.
step verify-mirror 'Verify the mirror'
sh -c 'for md in "$@"; do s=$(mdadm --detail "$md" 2>/dev/null) || exit 1; echo "$s" | grep -Eq '\''State : (clean|active)[ ,]*$'\'' || exit 1; done' sh /dev/md0 /dev/md1 /dev/md2
sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/share/syslinux/gptmbr.bin /dev/sda
sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/share/syslinux/gptmbr.bin /dev/sdb
sh -c 'conf=$1; shift; [ -f "$conf" ] || exit 1; for md in "$@"; do u=$(mdadm --detail --brief "$md" 2>/dev/null | sed -n '\''s/.*UUID=\([0-9a-fA-F:]*\).*/\1/p'\''); [ -n "$u" ] && grep -qi "UUID=$u" "$conf" || exit 1; done' sh /etc/mdadm.conf /dev/md0 /dev/md1 /dev/md2
sh -c 'zcat "$1" | cpio -t 2>/dev/null | grep -q '\''raid1.ko'\'' && zcat "$1" | cpio -i --to-stdout init 2>/dev/null | grep -q raidautorun' sh /boot/initrd-3.10.0+2.img
sh -c '[ -b "$1" ] && [ "$(stat -c %d /)" = "$(( 0x$(stat -L -c %t "$1") * 256 + 0x$(stat -L -c %T "$1") ))" ]' sh /dev/md0

echo 'xsraid script: all steps done.'
