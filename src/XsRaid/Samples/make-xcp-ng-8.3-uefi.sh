#!/usr/bin/env bash
# Builds the built-in sample `xcp-ng-8.3-uefi`: a snapshot directory, as `xsraid snapshot --save --compress` writes
# it, of an XCP-ng 8.3.0 host installed in UEFI mode on a 512 GB NVMe disk /dev/nvme0n1 (a blank twin is
# /dev/nvme1n1), with a local EXT SR on p3. Inputs: ../../../../shared/facts/xcp-ng/xcpng83-uefi (copied into
# xcp-ng-8.3-uefi.files/ and .commands/). The disk bytes are made by the real tools as the installer runs them
# (host-installer backend.py / disktools.py, xcp-ng-xenserver-7plus.md 1.1): sgdisk (layout 5,2,1,4,6,3, types
# 0700/EF00/8200/8E00, no legacy-bootable bit and no active protective-MBR entry in UEFI mode), mke2fs -t ext3
# -L root-/logs-, mkswap -L swap-, mkfs.vfat -n BOOT-HBNWRC on the ESP (p4), and the EXT SR as an LVM volume
# group XSLocalEXT-<sr uuid> holding one LV named by the SR's uuid (pvcreate/vgcreate/lvcreate).
# Same output on every run, except the SR's LVM metadata (LVM writes fresh VG/LV UUIDs, the time and the build
# machine's kernel name into it). Needs: gdisk e2fsprogs util-linux dosfstools lvm2 (and root, for the loop
# device LVM needs). Usage: make-xcp-ng-8.3-uefi.sh [OUTDIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=sample-lib.sh
. "$here/sample-lib.sh"
out=${1:-$here/xcp-ng-8.3-uefi}
suffix=hbnwrc                      # the installer's 6 random lowercase letters (facts: xcpng83-uefi/README)
total=1000215216                   # sectors of 512 bytes (facts: sgdisk-p.txt)
sr_uuid=6b2e9f14-8c3d-4a75-b0e1-2f7d4c9a8e36
pv_uuid=Rn4Kx8-Wq2T-7hLc-Vd3M-5pZf-Gy9B-Js6E1a
disk=nvme0n1 blank=nvme1n1
disk_id=nvme-Samsung_SSD_970_EVO_Plus_500GB_S4EVNX0R812345K disk_eui=nvme-eui.0025385891b12345
blank_id=nvme-Samsung_SSD_970_EVO_Plus_500GB_S4EVNX0R812399M blank_eui=nvme-eui.0025385891b12399
work=$(mktemp -d)
loop=""
cleanup() {
  [ -z "$loop" ] || losetup -d "$loop"
  rm -rf "$work"
}
trap cleanup EXIT

# The installer's sector layout (facts: sgdisk-p.txt): logs 4 GiB, backup 18 GiB, root 18 GiB, ESP 512 MiB,
# swap 1 GiB, then the SR to the last usable sector. The ESP's GUID is the one its NVRAM entry names.
p5=2048:8388608; p2=8390656:37748736; p1=46139392:37748736; p4=83888128:1048576; p6=84936704:2097152
# p3 ends on the last usable sector (total - 34: the backup GPT takes the last 33), as sgdisk --new=3:START:0 makes it
p3=87033856:$(( total - 33 - 87033856 ))
start() { echo "${1%%:*}"; }
count() { echo "${1##*:}"; }
end() { echo $(( ${1%%:*} + ${1##*:} - 1 )); }

img=$work/disk.img
truncate -s $(( total * 512 )) "$img"
sgdisk --clear "$img" >/dev/null
sgdisk -U 2B8F6D41-9C0E-4A37-B1F2-6E4D8A0C95E7 --set-alignment=1 \
  --new=5:"$(start "$p5")":"$(end "$p5")" --typecode=5:0700 -u 5:8E3B1C7A-4D2F-4965-A0B8-7C1E3F5D9A24 \
  --new=2:"$(start "$p2")":"$(end "$p2")" --typecode=2:0700 -u 2:3C7F2A9E-6B1D-4E58-9A03-D5E8B2C4F617 \
  --new=1:"$(start "$p1")":"$(end "$p1")" --typecode=1:0700 -u 1:A4D91E6B-2C7F-4B38-8E05-1F6A3D9C7B52 \
  --new=4:"$(start "$p4")":"$(end "$p4")" --typecode=4:ef00 -u 4:5D1E8A2C-7B34-4F09-9C6E-13A0B7E4F2D8 \
  --new=6:"$(start "$p6")":"$(end "$p6")" --typecode=6:8200 -u 6:F2B6D83A-1E9C-4C47-B5A0-6D3E8F1C2A79 \
  --new=3:"$(start "$p3")":0 --typecode=3:8e00 -u 3:7A5C3E91-0F2B-4D86-9C1E-4B8D2F6A3E05 "$img" >/dev/null
E2FSPROGS_FAKE_TIME=1730822539 mke2fs -q -F -t ext3 -L "root-$suffix" -U 3e9a1c57-8b2d-4f60-a7e4-5c1b9d3f2e86 \
  -E offset=$(( $(start "$p1") * 512 )),root_owner=0:0,hash_seed=c7d2e4a1-9f3b-4c58-8e16-2a5d7b9f1c03 "$img" "$(( $(count "$p1") / 2 ))k"
E2FSPROGS_FAKE_TIME=1730822539 mke2fs -q -F -t ext3 -L "logs-$suffix" -U 9b4f2d81-6c3e-4a97-b0d5-1e7a3c8f6b24 \
  -E offset=$(( $(start "$p5") * 512 )),root_owner=0:0,hash_seed=4e8b1f6c-2d7a-4953-a1c0-8f3e6d2b9a75 "$img" "$(( $(count "$p5") / 2 ))k"
truncate -s $(( $(count "$p6") * 512 )) "$work/swap"
mkswap -L "swap-$suffix" -U 2d7c5e93-4a1f-4b86-9e20-6f3b8d1a5c47 "$work/swap" >/dev/null 2>&1
dd if="$work/swap" of="$img" bs=512 seek="$(start "$p6")" count=8 conv=notrunc 2>/dev/null
rm -f "$work/swap"
# the ESP: util.mkfs's `mkfs.vfat -n BOOT-<SUFFIX>` (--invariant: no time-based fields, so every run is the same)
# made on a file of p4's size (mkfs.fat 4.2's --offset with a block count misreads the size), then put in place
truncate -s $(( $(count "$p4") * 512 )) "$work/esp"
mkfs.vfat --invariant -i 5A3C9E21 -n "BOOT-${suffix^^}" "$work/esp" >/dev/null
dd if="$work/esp" of="$img" bs=1M seek=$(( $(start "$p4") / 2048 )) conv=notrunc,sparse 2>/dev/null
rm -f "$work/esp"
loop=$(losetup -f --show -o $(( $(start "$p3") * 512 )) --sizelimit $(( $(count "$p3") * 512 )) "$img")
lvm_vg "$loop" xcp-ng-83 "$pv_uuid" "XSLocalEXT-$sr_uuid" "$work" "$sr_uuid:102400M"
losetup -d "$loop"
loop=""

rm -rf "$out"
mkdir -p "$out/disks/$disk" "$out/disks/$blank" "$out/files" "$out/commands"
capture_disk "$disk" "$img" "$total" "$p1" "$p2" "$p3" "$p4" "$p5" "$p6"
capture_disk "$blank" "" "$total"
for n in 1 2 3 4 5 6; do
  eval "p=\$p$n"
  # shellcheck disable=SC2154 # p is set by the eval
  printf '%sp%s %s %s %s\n' "$disk" "$n" "$n" "$(start "$p")" "$(count "$p")"
done > "$out/disks/$disk/partitions.txt"
: > "$out/disks/$blank/partitions.txt"
# nvme_sys_txt DISK SERIAL EUI: what sysfs shows of a Samsung 970 EVO Plus namespace.
nvme_sys_txt() {
  cat > "$out/disks/$1/sys.txt" <<SYS
device/model=Samsung SSD 970 EVO Plus 500GB
device/serial=$2
queue/logical_block_size=512
queue/physical_block_size=512
queue/rotational=0
removable=0
ro=0
size=$total
wwid=eui.$3
SYS
}
nvme_sys_txt "$disk" S4EVNX0R812345K 0025385891b12345
nvme_sys_txt "$blank" S4EVNX0R812399M 0025385891b12399
{
  for id in "$disk_id" "$disk_eui"; do
    echo "$id=../../$disk"
    for n in 1 2 3 4 5 6; do echo "$id-part$n=../../${disk}p$n"; done
  done
  for id in "$blank_id" "$blank_eui"; do echo "$id=../../$blank"; done
} | LC_ALL=C sort > "$out/by-id.txt"
printf 'date=2024-11-05T16:40:02Z\nfirmware=uefi\nhostname=xcp-ng-83\nuid=0\nuname=4.19.0+1 x86_64\n' > "$out/meta.txt"
xcpng_tools_txt

# files: the facts' inventory, fstab and the ESP's grub.cfg; what the running dom0 shows (dracut mounts / by its
# kernel name; /var/log, the ESP and swap from fstab's labels); the release files 8.3.0 writes.
copy_tree "$here/xcp-ng-8.3-uefi.files" "$out/files"
f=$out/files
mkdir -p "$f/proc/sys/dev/raid"
printf 'NAME="XCP-ng"\nVERSION="8.3.0"\nID="xcp-ng"\nID_LIKE="centos rhel fedora"\nVERSION_ID="8.3.0"\nPRETTY_NAME="XCP-ng 8.3.0"\nANSI_COLOR="0;31"\nHOME_URL="http://xcp-ng.org/"\nBUG_REPORT_URL="https://github.com/xcp-ng/xcp"\n' > "$f/etc/os-release"
echo 'XCP-ng release 8.3.0 (xenenterprise)' > "$f/etc/redhat-release"
echo 'root=LABEL=root-hbnwrc ro nolvm hpet=disable console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles' > "$f/proc/cmdline"
printf 'Personalities : \nunused devices: <none>\n' > "$f/proc/mdstat"
echo 1000 > "$f/proc/sys/dev/raid/speed_limit_min"
echo 200000 > "$f/proc/sys/dev/raid/speed_limit_max"
{
  printf 'major minor  #blocks  name\n\n 259        0  %s %s\n' $(( total / 2 )) "$disk"
  while read -r n num _ c; do printf ' 259        %s  %s %s\n' "$num" $(( c / 2 )) "$n"; done < "$out/disks/$disk/partitions.txt"
  printf ' 259        7  %s %s\n' $(( total / 2 )) "$blank"
} > "$f/proc/partitions"
printf 'Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n/dev/%sp6                           partition\t1048572\t0\t-2\n' "$disk" > "$f/proc/swaps"
cat > "$f/proc/mounts" <<MOUNTS
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
devtmpfs /dev devtmpfs rw,nosuid,size=2131604k,nr_inodes=532901,mode=755 0 0
efivarfs /sys/firmware/efi/efivars efivarfs rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /run tmpfs rw,nosuid,nodev,mode=755 0 0
/dev/${disk}p1 / ext3 rw,relatime 0 0
xenfs /proc/xen xenfs rw,relatime 0 0
/dev/${disk}p4 /boot/efi vfat rw,relatime,fmask=0022,dmask=0022,codepage=437,iocharset=ascii,shortname=mixed,errors=remount-ro 0 0
/dev/${disk}p5 /var/log ext3 rw,relatime 0 0
MOUNTS

# commands: the facts' efibootmgr -v; LVM's own output (the loop device's name replaced by the host's); the SR
# and its PBD as xe lists an EXT SR on the local disk.
cp "$here/xcp-ng-8.3-uefi.commands/efibootmgr-v.txt" "$out/commands/"
lvm_captures "$out" "/dev/${disk}p3" "$work"
printf 'exit=0\n' > "$out/commands/mdadm-detail-scan.txt"
cat > "$out/commands/xe-sr-list.txt" <<XE
exit=0
uuid ( RO)                : $sr_uuid
          name-label ( RW): Local storage
                type ( RO): ext
        content-type ( RO): user
                host ( RO): xcp-ng-83
XE
cat > "$out/commands/xe-pbd-list.txt" <<XE
exit=0
uuid ( RO)                  : 1c7e3a95-4f2d-4b68-8e01-9d5b2c7f3a46
             sr-uuid ( RO): $sr_uuid
           host-uuid ( RO): 8a2f5c17-3d9e-4b06-a4c8-e1b7f6d2093c
       device-config (MRO): device: /dev/disk/by-id/$disk_id-part3
  currently-attached ( RO): true
XE
echo "wrote $out"
