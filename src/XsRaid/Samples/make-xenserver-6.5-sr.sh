#!/usr/bin/env bash
# Builds the built-in sample `xenserver-6.5-sr`: the `xenserver-6.5` host (made by make-xenserver-6.5.sh, same disks,
# files and GUIDs) with its local SR on p3, holding VDIs: VG_XenStorage-<sr uuid> with the MGT volume and two VHD
# volumes, made as XenServer 6.5's LVM SR driver makes them (lvutil.createVG: pvcreate/vgcreate --metadatasize 10M;
# 4 MiB extents) by the real LVM tools on a loop device over a sparse file of p3's size. Only p3's captured head
# (PV label and metadata) differs from `xenserver-6.5`, plus the probe's LVM and xe captures.
# Same output on every run except the SR's LVM metadata (LVM writes fresh VG/LV UUIDs, the time and the build
# machine's kernel name into it), which SampleBuilderTests allows to differ (and the UUID column of `vgs`).
# Needs: gdisk e2fsprogs syslinux-common lvm2 util-linux, and root (the loop device LVM needs).
# Usage: make-xenserver-6.5-sr.sh [OUTDIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=sample-lib.sh
. "$here/sample-lib.sh"
out=${1:-$here/xenserver-6.5-sr}
sr_uuid=54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6
pv_uuid=Hb3kQ7-Xm2R-9vLd-Tq4W-6sNf-Jc8Y-Pz1A5e
p3start=16779264 p3size=959993871  # sectors, as make-xenserver-6.5.sh lays p3 out on the 500 GB disk
work=$(mktemp -d)
loop=""
cleanup() {
  [ -z "$loop" ] || losetup -d "$loop"
  rm -rf "$work"
}
trap cleanup EXIT

bash "$here/make-xenserver-6.5.sh" "$out" >/dev/null
grep -qx "sda3 3 $p3start $p3size" "$out/disks/sda/partitions.txt" || { echo "p3 is not where this script expects it" >&2; exit 1; }

truncate -s $(( p3size * 512 )) "$work/p3.img"
loop=$(losetup -f --show "$work/p3.img")
# The VDIs are a 20 GiB and a 100 GiB VHD (thick: the LV holds the whole VHD, its size rounded up to 4 MiB as
# lvhdutil.calcSizeVHDLV does).
lvm_vg "$loop" xenserver-65 "$pv_uuid" "VG_XenStorage-$sr_uuid" "$work" MGT:4M VHD-2b7e4c19-8d3a-4f60-b5e1-9c0a7d3f6e28:20532M \
  VHD-c41f8a27-5e9b-4d03-8a6c-e7b2d5f19034:102652M
losetup -d "$loop"
loop=""

# p3's captured head now holds the PV label and the VG metadata (the tail stays zero: LVM keeps one metadata area)
dd if="$work/p3.img" bs=512 count=256 2>/dev/null | gzip -9 -n > "$out/disks/sda/bytes-$(( p3start * 512 )).bin.gz"
lvm_captures "$out" /dev/sda3 "$work"
cp "$here/xenserver-6.5-sr.commands/xe-sr-list.txt" "$here/xenserver-6.5-sr.commands/xe-pbd-list.txt" "$out/commands/"
printf '%s\n' lvs=/usr/sbin/lvs pvmove=/usr/sbin/pvmove pvremove=/usr/sbin/pvremove vgextend=/usr/sbin/vgextend \
  vgreduce=/usr/sbin/vgreduce >> "$out/tools.txt"
LC_ALL=C sort -o "$out/tools.txt" "$out/tools.txt"
echo "wrote $out"
