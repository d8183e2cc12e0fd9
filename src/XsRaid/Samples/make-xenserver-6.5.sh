#!/usr/bin/env bash
# Builds the built-in sample `xenserver-6.5` (a snapshot directory, as `xsraid snapshot --save --compress` writes
# it) for a XenServer 6.5 host with a 500 GB system disk /dev/sda and a blank 500 GB /dev/sdb.
# The disk bytes are made by the real tools (sgdisk, mke2fs, syslinux's gptmbr.bin) with fixed GUIDs, so the
# sample is the same on every run; the text files are XenServer 6.5's own formats (see README.md beside this).
# Needs: gdisk e2fsprogs syslinux-common. Usage: make-xenserver-6.5.sh [OUTDIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=sample-lib.sh
. "$here/sample-lib.sh"
out=${1:-$here/xenserver-6.5}
label=root-qvcoinzp
size=$((500107862016))            # a 500 GB disk: 976773168 sectors of 512 bytes
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
img=$work/sda.img
truncate -s "$size" "$img"
# XenServer 6.5's installer: p1 root 4 GiB and p2 backup 4 GiB (type 0700), p3 local SR (8E00), p1 legacy-bootable.
sgdisk -U 5A3D27C4-8E0B-4C4E-9B3D-1F2E3D4C5B6A \
  -n 1:2048:+4G -t 1:0700 -u 1:3F1C2B8A-6D4E-4F5A-8B9C-0D1E2F3A4B5C -A 1:set:2 \
  -n 2:0:+4G -t 2:0700 -u 2:7B8C9D0E-1F2A-4B3C-8D4E-5F6A7B8C9D0E \
  -n 3:0:0 -t 3:8E00 -u 3:9E8D7C6B-5A4F-4E3D-9C2B-1A0F9E8D7C6B \
  "$img" >/dev/null
dd if=/usr/lib/syslinux/mbr/gptmbr.bin of="$img" bs=440 count=1 conv=notrunc 2>/dev/null
start1=2048
sectors1=$((4 * 1024 * 1024 * 2))
E2FSPROGS_FAKE_TIME=1446316947 mke2fs -q -F -t ext3 -L "$label" -U 1c0e3d42-5b7a-4e8f-9a6b-3c2d1e0f4a5b \
  -E offset=$((start1 * 512)),root_owner=0:0,hash_seed=6b3f2a1e-9c8d-4e7f-a5b6-0c1d2e3f4a5b -O ^metadata_csum "$img" "$((sectors1 / 2))k"

rm -rf "$out"
mkdir -p "$out/disks/sda" "$out/disks/sdb" "$out/files/proc/sys/dev/raid" "$out/files/etc" "$out/files/boot" "$out/commands"
total=$((size / 512))
p2start=$((start1 + sectors1)); p2size=$sectors1
p3start=$((p2start + p2size)); p3size=$((total - 33 - p3start))  # to the last usable sector (total - 34), as sgdisk makes p3

capture_disk sda "$img" "$total" "$start1:$sectors1" "$p2start:$p2size" "$p3start:$p3size"
capture_disk sdb "" "$total"
printf 'sda1 1 %s %s\nsda2 2 %s %s\nsda3 3 %s %s\n' "$start1" "$sectors1" "$p2start" "$p2size" "$p3start" "$p3size" > "$out/disks/sda/partitions.txt"
: > "$out/disks/sdb/partitions.txt"
st500_sys_txt sda Z3T4A1B2 "$total"
st500_sys_txt sdb Z3T4C3D4 "$total"
cat > "$out/by-id.txt" <<EOF
ata-ST500DM002-1BD142_Z3T4A1B2=../../sda
ata-ST500DM002-1BD142_Z3T4A1B2-part1=../../sda1
ata-ST500DM002-1BD142_Z3T4A1B2-part2=../../sda2
ata-ST500DM002-1BD142_Z3T4A1B2-part3=../../sda3
ata-ST500DM002-1BD142_Z3T4C3D4=../../sdb
scsi-SATA_ST500DM002-1BD14_Z3T4A1B2=../../sda
scsi-SATA_ST500DM002-1BD14_Z3T4A1B2-part1=../../sda1
scsi-SATA_ST500DM002-1BD14_Z3T4A1B2-part2=../../sda2
scsi-SATA_ST500DM002-1BD14_Z3T4A1B2-part3=../../sda3
scsi-SATA_ST500DM002-1BD14_Z3T4C3D4=../../sdb
wwn-0x5000c5006a3b1c01=../../sda
wwn-0x5000c5006a3b1c01-part1=../../sda1
wwn-0x5000c5006a3b1c01-part2=../../sda2
wwn-0x5000c5006a3b1c01-part3=../../sda3
wwn-0x5000c5006a3b1c02=../../sdb
EOF
cat > "$out/meta.txt" <<EOF
date=2026-11-24T00:00:00Z
firmware=bios
hostname=xenserver-65
uid=0
uname=3.10.0+2 x86_64
EOF
cat > "$out/tools.txt" <<EOF
awk=/bin/awk
blkid=/sbin/blkid
blockdev=/sbin/blockdev
chroot=/usr/sbin/chroot
cmp=/usr/bin/cmp
cp=/bin/cp
dd=/bin/dd
e2label=/sbin/e2label
extlinux=/sbin/extlinux
mdadm=/sbin/mdadm
mkfs.ext3=/sbin/mkfs.ext3
mkinitrd=/sbin/mkinitrd
pvcreate=/usr/sbin/pvcreate
pvs=/usr/sbin/pvs
sfdisk=/sbin/sfdisk
sgdisk=/usr/sbin/sgdisk
sh=/bin/sh
stat=/usr/bin/stat
tune2fs=/sbin/tune2fs
vgcreate=/usr/sbin/vgcreate
vgs=/usr/sbin/vgs
xe=/opt/xensource/bin/xe
EOF
copy_tree "$here/xenserver-6.5.files" "$out/files"
(cd "$here/xenserver-6.5.commands" && for f in *.txt; do cp "$f" "$out/commands/$f"; done)
echo "wrote $out"
