#!/usr/bin/env bash
# xsraid replace plan for xs65-lab (Debian (extlinux, initramfs-tools))
# surviving disk /dev/sda (scsi-35000c50015ea0a01), new disk /dev/sdb (scsi-35000c50015ea0b02)
# Read it before you run it. Every step first checks whether its effect is already there and skips itself if so,
# so the script can be run again after an interruption. It stops at the first failing command. No reboot.
# note: mdadm.conf and the initrd stay as they are: the arrays keep their UUIDs (a member is replaced, no array is made), and both name the arrays by UUID.
set -euo pipefail

XS_INPUT=$(mktemp -d)
trap 'rm -rf "$XS_INPUT"' EXIT
step() { printf '\n== %s: %s\n' "$1" "$2"; }
skip() { printf '   already done: %s\n' "$1"; }
fail() { printf 'xsraid script: step %s failed its check: %s\n' "$1" "$2" >&2; exit 1; }

# The disks must still have the kernel names this script was made with.
sh -c 'd=$1; shift; while [ $# -ge 2 ]; do now=$(readlink -f "$d/$2" 2>/dev/null); if [ "$now" != "$1" ]; then echo "$d/$2 is ${now:-missing}, not $1" >&2; exit 1; fi; shift 2; done' sh /dev/disk/by-id /dev/sda scsi-35000c50015ea0a01 /dev/sdb scsi-35000c50015ea0b02 || { echo 'xsraid script: the disks have other kernel names than when this script was made; nothing was done. Make the script again.' >&2; exit 1; }

# ===== xsraid replace =====

# --- partition-new-disk: Copy /dev/sda's partition table to the new disk
# Why: Same partitions, new GUIDs (sgdisk -R, then -G), type Linux RAID on each member. Partition 1 is not marked bootable until its resync is done, so a reset during the resync boots the complete disk.
# WRITES /dev/sdb
step partition-new-disk 'Copy /dev/sda'\''s partition table to the new disk'
if sh -c 'd=$1; r=$2; shift 2; l() { sgdisk -p "$1" 2>/dev/null | awk '\''$1 ~ /^[0-9]+$/ {print $1, $2, $3}'\''; }; a=$(l "$d"); [ -n "$a" ] && [ "$a" = "$(l "$r")" ] || exit 1; for n in "$@"; do sgdisk -i "$n" "$d" 2>/dev/null | grep -qi '\''A19D880F-05FC-4D3B-A006-743F0F84911E'\'' || exit 1; done' sh /dev/sdb /dev/sda 1 2 3; then
  skip '/dev/sdb has /dev/sda'\''s partition layout with Linux RAID types'
else
  sgdisk '--replicate=/dev/sdb' /dev/sda
  sgdisk --randomize-guids '--typecode=1:FD00' '--typecode=2:FD00' '--typecode=3:FD00' '--attributes=1:clear:2' /dev/sdb
  sh -c 'settle() { udevadm settle >/dev/null 2>&1 || udevsettle >/dev/null 2>&1 || sleep 1; }; i=1; while settle; ! blockdev --rereadpt "$1"; do [ $i -lt 10 ] || exit 1; i=$((i + 1)); sleep 1; done; settle' sh /dev/sdb
fi
sh -c 'd=$1; r=$2; shift 2; l() { sgdisk -p "$1" 2>/dev/null | awk '\''$1 ~ /^[0-9]+$/ {print $1, $2, $3}'\''; }; a=$(l "$d"); [ -n "$a" ] && [ "$a" = "$(l "$r")" ] || exit 1; for n in "$@"; do sgdisk -i "$n" "$d" 2>/dev/null | grep -qi '\''A19D880F-05FC-4D3B-A006-743F0F84911E'\'' || exit 1; done' sh /dev/sdb /dev/sda 1 2 3 || fail partition-new-disk '/dev/sdb has /dev/sda'\''s partition layout with Linux RAID types'

# --- add-md0: Add /dev/sdb1 to /dev/md0
# Why: Stale signatures are wiped first, then the partition joins and md copies the survivor's member onto it.
# WRITES /dev/sdb
step add-md0 'Add /dev/sdb1 to /dev/md0'
if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md0 /dev/sdb1; then
  skip '/dev/md0 has /dev/sdb1'
else
  sh -c 'dev=$1; mdadm --zero-superblock --force "$dev" >/dev/null 2>&1; size=$(blockdev --getsz "$dev") || exit 1; n=2048; [ "$size" -lt $n ] && n=$size; dd if=/dev/zero of="$dev" bs=512 count=$n conv=notrunc 2>/dev/null && dd if=/dev/zero of="$dev" bs=512 seek=$((size - n)) count=$n conv=notrunc 2>/dev/null' sh /dev/sdb1
  mdadm /dev/md0 --add /dev/sdb1
fi
sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md0 /dev/sdb1 || fail add-md0 '/dev/md0 has /dev/sdb1'

# --- add-md1: Add /dev/sdb2 to /dev/md1
# Why: Stale signatures are wiped first, then the partition joins and md copies the survivor's member onto it.
# WRITES /dev/sdb
step add-md1 'Add /dev/sdb2 to /dev/md1'
if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md1 /dev/sdb2; then
  skip '/dev/md1 has /dev/sdb2'
else
  sh -c 'dev=$1; mdadm --zero-superblock --force "$dev" >/dev/null 2>&1; size=$(blockdev --getsz "$dev") || exit 1; n=2048; [ "$size" -lt $n ] && n=$size; dd if=/dev/zero of="$dev" bs=512 count=$n conv=notrunc 2>/dev/null && dd if=/dev/zero of="$dev" bs=512 seek=$((size - n)) count=$n conv=notrunc 2>/dev/null' sh /dev/sdb2
  mdadm /dev/md1 --add /dev/sdb2
fi
sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md1 /dev/sdb2 || fail add-md1 '/dev/md1 has /dev/sdb2'

# --- add-md2: Add /dev/sdb3 to /dev/md2
# Why: Stale signatures are wiped first, then the partition joins and md copies the survivor's member onto it.
# WRITES /dev/sdb
step add-md2 'Add /dev/sdb3 to /dev/md2'
if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md2 /dev/sdb3; then
  skip '/dev/md2 has /dev/sdb3'
else
  sh -c 'dev=$1; mdadm --zero-superblock --force "$dev" >/dev/null 2>&1; size=$(blockdev --getsz "$dev") || exit 1; n=2048; [ "$size" -lt $n ] && n=$size; dd if=/dev/zero of="$dev" bs=512 count=$n conv=notrunc 2>/dev/null && dd if=/dev/zero of="$dev" bs=512 seek=$((size - n)) count=$n conv=notrunc 2>/dev/null' sh /dev/sdb3
  mdadm /dev/md2 --add /dev/sdb3
fi
sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md2 /dev/sdb3 || fail add-md2 '/dev/md2 has /dev/sdb3'

# --- raise-resync-speed: Raise the resync speed floor
# Why: speed_limit_min 100000 KB/s so the resync is not starved; restored afterwards.
step raise-resync-speed 'Raise the resync speed floor'
if sh -c 'for md in "$@"; do s=$(mdadm --detail "$md" 2>/dev/null) || exit 1; echo "$s" | grep -Eq '\''State : (clean|active)[ ,]*$'\'' || exit 1; done' sh /dev/md0 /dev/md1 /dev/md2; then
  skip 'every array is clean with both members'
else
  sh -c 'echo "$1" > /proc/sys/dev/raid/speed_limit_min' sh 100000
fi

# --- wait-resync: Wait for the resync
# Why: The new disk holds a full copy only when every array is clean.
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

# --- boot-code-new-disk: Write the extlinux boot code to the new disk and mark partition 1 bootable
# Why: Either disk boots alone again: boot code in both MBRs, the root partition bootable on both (only now that it holds a full copy).
# WRITES /dev/sdb
step boot-code-new-disk 'Write the extlinux boot code to the new disk and mark partition 1 bootable'
sh -c 'dd if="$1" of="$2" bs=440 count=1 conv=notrunc 2>/dev/null && sync' sh /usr/lib/syslinux/mbr/gptmbr.bin /dev/sdb
sgdisk '--attributes=1:set:2' /dev/sdb
sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/lib/syslinux/mbr/gptmbr.bin /dev/sdb || fail boot-code-new-disk '/dev/sdb has gptmbr.bin in its MBR'

# --- verify-replacement: Verify the mirror
# Why: Every array clean with both members, boot code on both disks, mdadm.conf lists the arrays by UUID, / on its array.
step verify-replacement 'Verify the mirror'
sh -c 'for md in "$@"; do s=$(mdadm --detail "$md" 2>/dev/null) || exit 1; echo "$s" | grep -Eq '\''State : (clean|active)[ ,]*$'\'' || exit 1; done' sh /dev/md0 /dev/md1 /dev/md2
sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/lib/syslinux/mbr/gptmbr.bin /dev/sda
sh -c 'dd if="$2" bs=440 count=1 2>/dev/null | cmp -s - "$1"' sh /usr/lib/syslinux/mbr/gptmbr.bin /dev/sdb
sh -c 'conf=$1; shift; [ -f "$conf" ] || exit 1; for md in "$@"; do u=$(mdadm --detail --brief "$md" 2>/dev/null | sed -n '\''s/.*UUID=\([0-9a-fA-F:]*\).*/\1/p'\''); [ -n "$u" ] && grep -qi "UUID=$u" "$conf" || exit 1; done' sh /etc/mdadm/mdadm.conf /dev/md0 /dev/md1 /dev/md2
sh -c '[ -b "$1" ] && [ "$(stat -c %d /)" = "$(( 0x$(stat -L -c %t "$1") * 256 + 0x$(stat -L -c %T "$1") ))" ]' sh /dev/md0

echo 'xsraid script: all steps done.'
