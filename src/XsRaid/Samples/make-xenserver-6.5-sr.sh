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
out=${1:-$here/xenserver-6.5-sr}
sr_uuid=54e1c7c3-0b2c-4d77-9e06-d40bf8a679a6
pv_uuid=Hb3kQ7-Xm2R-9vLd-Tq4W-6sNf-Jc8Y-Pz1A5e
p3start=16779264 p3size=959993870  # sectors, as make-xenserver-6.5.sh lays p3 out on the 500 GB disk
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
conf=$work/lvm
mkdir -p "$conf"
# LVM with its own configuration: only this loop device, no activation (the build machine may have no device-mapper)
cat > "$conf/lvm.conf" <<CONF
devices { scan = [ "/dev" ] filter = [ "a|^$loop\$|", "r|.*|" ] obtain_device_list_from_udev = 0 external_device_info_source = "none" }
global { use_lvmlockd = 0 activation = 0 }
activation { udev_sync = 0 udev_rules = 0 monitoring = 0 }
backup { backup = 0 archive = 0 }
CONF
# The probe's LVM captures, as probe.sh asks for them; the VDIs are a 20 GiB and a 100 GiB VHD (thick: the LV holds
# the whole VHD, its size rounded up to 4 MiB as lvhdutil.calcSizeVHDLV does).
# shellcheck disable=SC2016 # the inner script takes its values as arguments
LVM_SYSTEM_DIR=$conf LVM_SUPPRESS_FD_WARNINGS=1 unshare --uts sh -c '
  hostname xenserver-65
  pvcreate -ff -y --uuid "$2" --norestorefile --metadatasize 10M "$1"
  vgcreate --metadatasize 10M "VG_XenStorage-$3" "$1"
  lvcreate -an -Zn -L 4M -n MGT "VG_XenStorage-$3"
  lvcreate -an -Zn -L 20532M -n VHD-2b7e4c19-8d3a-4f60-b5e1-9c0a7d3f6e28 "VG_XenStorage-$3"
  lvcreate -an -Zn -L 102652M -n VHD-c41f8a27-5e9b-4d03-8a6c-e7b2d5f19034 "VG_XenStorage-$3"
  pvs --noheadings --units b --nosuffix --separator "|" -o pv_name,vg_name,pv_size,pv_uuid,pv_attr > "$4/pvs"
  vgs --noheadings --units b --nosuffix --separator "|" -o vg_name,vg_uuid,vg_size,vg_free,pv_count,lv_count > "$4/vgs"
  pvs --noheadings --units b --nosuffix --separator "|" -o pv_name,vg_name,vg_extent_size,pv_pe_count,pv_pe_alloc_count,pe_start,pv_mda_size,pv_mda_free > "$4/pvs-extents"
  lvs -a --noheadings --separator "|" -o vg_name,lv_name,lv_attr,copy_percent,devices > "$4/lvs"
' sh "$loop" "$pv_uuid" "$sr_uuid" "$work" >/dev/null 2>"$work/lvm.log" || { cat "$work/lvm.log" >&2; exit 1; }
losetup -d "$loop"
loop=""

# p3's captured head now holds the PV label and the VG metadata (the tail stays zero: LVM keeps one metadata area)
dd if="$work/p3.img" bs=512 count=256 2>/dev/null | gzip -9 -n > "$out/disks/sda/bytes-$(( p3start * 512 )).bin.gz"
c=$out/commands
# LVM's own output with the loop device's name replaced by the host's
for f in pvs vgs pvs-extents lvs; do
  { echo exit=0; sed "s|/dev/loop[0-9]*|/dev/sda3|g" "$work/$f"; } > "$c/$f.txt"
done
cp "$here/xenserver-6.5-sr.commands/xe-sr-list.txt" "$here/xenserver-6.5-sr.commands/xe-pbd-list.txt" "$c/"
printf '%s\n' lvs=/usr/sbin/lvs pvmove=/usr/sbin/pvmove pvremove=/usr/sbin/pvremove vgextend=/usr/sbin/vgextend \
  vgreduce=/usr/sbin/vgreduce >> "$out/tools.txt"
LC_ALL=C sort -o "$out/tools.txt" "$out/tools.txt"
echo "wrote $out"
