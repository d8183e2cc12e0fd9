#!/usr/bin/env bash
# xsraid heal plan for xenserver-65 (XenServer 6.x (CentOS 5 dom0, extlinux, mkinitrd))
# Read it before you run it. Every step first checks whether its effect is already there and skips itself if so,
# so the script can be run again after an interruption. It stops at the first failing command. No reboot.
# note: Each step checks the host first and runs only if its check fails: on a healthy host nothing runs.
# note: Not handled: Debian's grub-pc install list (these hosts boot with extlinux), UEFI (ESPs, boot entries).
set -euo pipefail

XS_INPUT=$(mktemp -d)
trap 'rm -rf "$XS_INPUT"' EXIT
step() { printf '\n== %s: %s\n' "$1" "$2"; }
skip() { printf '   already done: %s\n' "$1"; }
fail() { printf 'xsraid script: step %s failed its check: %s\n' "$1" "$2" >&2; exit 1; }

# ===== xsraid heal =====

# --- mdadm-conf: Rewrite the ARRAY lines of /etc/mdadm.conf
# Why: The initrd and mdadm --monitor find the arrays by these lines; only ARRAY lines change (MAILADDR, PROGRAM and the rest stay).
step mdadm-conf 'Rewrite the ARRAY lines of /etc/mdadm.conf'
if sh -c 'conf=$1; shift; [ -f "$conf" ] || exit 1; n=0; for md in "$@"; do u=$(mdadm --detail --brief "$md" 2>/dev/null | sed -n '\''s/.*UUID=\([0-9a-fA-F:]*\).*/\1/p'\''); [ -n "$u" ] && grep -qi "UUID=$u" "$conf" || exit 1; n=$((n + 1)); done; [ "$(grep -c '\''^ARRAY'\'' "$conf")" -eq "$n" ]' sh /etc/mdadm.conf /dev/md2 /dev/md1 /dev/md0; then
  skip '/etc/mdadm.conf lists exactly the running arrays by UUID'
else
  sh -c 'conf=$1; shift; mkdir -p "$(dirname "$conf")" && { [ -f "$conf" ] || : > "$conf"; } && { awk '\''/^ARRAY/ {skip=1; next} skip && /^[ \t]/ {next} {skip=0; print}'\'' "$conf" && for md in "$@"; do mdadm --detail --brief "$md" | grep '\''^ARRAY'\'' || exit 1; done; } > "$conf.xsraid-new" && mv -f "$conf.xsraid-new" "$conf"' sh /etc/mdadm.conf /dev/md2 /dev/md1 /dev/md0
fi
sh -c 'conf=$1; shift; [ -f "$conf" ] || exit 1; n=0; for md in "$@"; do u=$(mdadm --detail --brief "$md" 2>/dev/null | sed -n '\''s/.*UUID=\([0-9a-fA-F:]*\).*/\1/p'\''); [ -n "$u" ] && grep -qi "UUID=$u" "$conf" || exit 1; n=$((n + 1)); done; [ "$(grep -c '\''^ARRAY'\'' "$conf")" -eq "$n" ]' sh /etc/mdadm.conf /dev/md2 /dev/md1 /dev/md0 || fail mdadm-conf '/etc/mdadm.conf lists exactly the running arrays by UUID'

# --- initrd-3.10.0+2: Rebuild the initrd of kernel 3.10.0+2
# Why: The initrd must load raid1 and assemble /dev/md0 before it can mount /; it is made after mdadm.conf, whose arrays it assembles.
step initrd-3.10.0+2 'Rebuild the initrd of kernel 3.10.0+2'
if sh -c '[ -d "$1" ] || exit 0; i=$2; c=$3; shift 3; [ -s "$i" ] && ! [ "$c" -nt "$i" ] && "$@"' sh /lib/modules/3.10.0+2 /boot/initrd-3.10.0+2.img /etc/mdadm.conf sh -c 'zcat "$1" | cpio -t 2>/dev/null | grep -q '\''raid1.ko'\'' && zcat "$1" | cpio -i --to-stdout init 2>/dev/null | grep -q raidautorun' sh /boot/initrd-3.10.0+2.img; then
  skip '/boot/initrd-3.10.0+2.img assembles /dev/md0 and is not older than /etc/mdadm.conf'
else
  mkinitrd -f '--with=raid1' /boot/initrd-3.10.0+2.img 3.10.0+2
fi
sh -c '[ -d "$1" ] || exit 0; i=$2; c=$3; shift 3; [ -s "$i" ] && ! [ "$c" -nt "$i" ] && "$@"' sh /lib/modules/3.10.0+2 /boot/initrd-3.10.0+2.img /etc/mdadm.conf sh -c 'zcat "$1" | cpio -t 2>/dev/null | grep -q '\''raid1.ko'\'' && zcat "$1" | cpio -i --to-stdout init 2>/dev/null | grep -q raidautorun' sh /boot/initrd-3.10.0+2.img || fail initrd-3.10.0+2 '/boot/initrd-3.10.0+2.img assembles /dev/md0 and is not older than /etc/mdadm.conf'

# --- initrd-3.10-xen: Rebuild the initrd of kernel 3.10-xen
# Why: The initrd must load raid1 and assemble /dev/md0 before it can mount /; it is made after mdadm.conf, whose arrays it assembles.
step initrd-3.10-xen 'Rebuild the initrd of kernel 3.10-xen'
if sh -c '[ -d "$1" ] || exit 0; i=$2; c=$3; shift 3; [ -s "$i" ] && ! [ "$c" -nt "$i" ] && "$@"' sh /lib/modules/3.10-xen /boot/initrd-3.10-xen.img /etc/mdadm.conf sh -c 'zcat "$1" | cpio -t 2>/dev/null | grep -q '\''raid1.ko'\'' && zcat "$1" | cpio -i --to-stdout init 2>/dev/null | grep -q raidautorun' sh /boot/initrd-3.10-xen.img; then
  skip '/boot/initrd-3.10-xen.img assembles /dev/md0 and is not older than /etc/mdadm.conf'
else
  mkinitrd -f '--with=raid1' /boot/initrd-3.10-xen.img 3.10-xen
fi
sh -c '[ -d "$1" ] || exit 0; i=$2; c=$3; shift 3; [ -s "$i" ] && ! [ "$c" -nt "$i" ] && "$@"' sh /lib/modules/3.10-xen /boot/initrd-3.10-xen.img /etc/mdadm.conf sh -c 'zcat "$1" | cpio -t 2>/dev/null | grep -q '\''raid1.ko'\'' && zcat "$1" | cpio -i --to-stdout init 2>/dev/null | grep -q raidautorun' sh /boot/initrd-3.10-xen.img || fail initrd-3.10-xen '/boot/initrd-3.10-xen.img assembles /dev/md0 and is not older than /etc/mdadm.conf'

# --- initrd-fallback: Rebuild the initrd of kernel fallback
# Why: The initrd must load raid1 and assemble /dev/md0 before it can mount /; it is made after mdadm.conf, whose arrays it assembles.
step initrd-fallback 'Rebuild the initrd of kernel fallback'
if sh -c '[ -d "$1" ] || exit 0; i=$2; c=$3; shift 3; [ -s "$i" ] && ! [ "$c" -nt "$i" ] && "$@"' sh /lib/modules/fallback /boot/initrd-fallback.img /etc/mdadm.conf sh -c 'zcat "$1" | cpio -t 2>/dev/null | grep -q '\''raid1.ko'\'' && zcat "$1" | cpio -i --to-stdout init 2>/dev/null | grep -q raidautorun' sh /boot/initrd-fallback.img; then
  skip '/boot/initrd-fallback.img assembles /dev/md0 and is not older than /etc/mdadm.conf'
else
  mkinitrd -f '--with=raid1' /boot/initrd-fallback.img fallback
fi
sh -c '[ -d "$1" ] || exit 0; i=$2; c=$3; shift 3; [ -s "$i" ] && ! [ "$c" -nt "$i" ] && "$@"' sh /lib/modules/fallback /boot/initrd-fallback.img /etc/mdadm.conf sh -c 'zcat "$1" | cpio -t 2>/dev/null | grep -q '\''raid1.ko'\'' && zcat "$1" | cpio -i --to-stdout init 2>/dev/null | grep -q raidautorun' sh /boot/initrd-fallback.img || fail initrd-fallback '/boot/initrd-fallback.img assembles /dev/md0 and is not older than /etc/mdadm.conf'

# --- boot-code-sda: Write the extlinux boot code to /dev/sda and mark partition 1 bootable
# Why: Each disk of the mirror must boot alone when the other fails.
# WRITES /dev/sda
step boot-code-sda 'Write the extlinux boot code to /dev/sda and mark partition 1 bootable'
if sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/share/syslinux/gptmbr.bin /dev/sda; then
  skip '/dev/sda has gptmbr.bin in its MBR'
else
  sh -c 'dd if="$1" of="$2" bs=440 count=1 conv=notrunc 2>/dev/null && sync' sh /usr/share/syslinux/gptmbr.bin /dev/sda
  sgdisk '--attributes=1:set:2' /dev/sda
fi
sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/share/syslinux/gptmbr.bin /dev/sda || fail boot-code-sda '/dev/sda has gptmbr.bin in its MBR'

# --- boot-code-sdb: Write the extlinux boot code to /dev/sdb and mark partition 1 bootable
# Why: Each disk of the mirror must boot alone when the other fails.
# WRITES /dev/sdb
step boot-code-sdb 'Write the extlinux boot code to /dev/sdb and mark partition 1 bootable'
if sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/share/syslinux/gptmbr.bin /dev/sdb; then
  skip '/dev/sdb has gptmbr.bin in its MBR'
else
  sh -c 'dd if="$1" of="$2" bs=440 count=1 conv=notrunc 2>/dev/null && sync' sh /usr/share/syslinux/gptmbr.bin /dev/sdb
  sgdisk '--attributes=1:set:2' /dev/sdb
fi
sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/share/syslinux/gptmbr.bin /dev/sdb || fail boot-code-sdb '/dev/sdb has gptmbr.bin in its MBR'

echo 'xsraid script: all steps done.'
