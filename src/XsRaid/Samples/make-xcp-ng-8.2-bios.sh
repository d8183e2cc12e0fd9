#!/usr/bin/env bash
# Builds the built-in samples `xcp-ng-8.2-bios` (a local LVM SR on p3) and `xcp-ng-8.2-bios-nosr` (installed
# without a local SR: the BIOS boot partition is number 3): snapshot directories, as `xsraid snapshot --save
# --compress` writes them, of an XCP-ng 8.2.1 host on legacy BIOS with a 500 GB system disk /dev/sda and a blank
# 500 GB /dev/sdb. Inputs: ../../../../shared/facts/xcp-ng/xcpng82-bios (copied into xcp-ng-8.2-bios.files/).
# The disk bytes are made by the real tools as the installer runs them (host-installer backend.py / disktools.py):
# sgdisk (layout 5,2,1,4,6,3, types 0700/EF02/8200/8E00, bit 2 on the boot partition), sfdisk -A1 (active
# protective MBR entry), mke2fs -t ext3 -L root-/logs-, mkswap -L swap-, GRUB's boot.img + core.img written by
# grub-bios-setup (what grub-install --target=i386-pc does), pvcreate/vgcreate/lvcreate for the SR.
# Same output on every run, except the SR's LVM metadata (LVM writes fresh VG/LV UUIDs, the time and the build
# machine's kernel name into it). Needs: gdisk fdisk e2fsprogs util-linux grub-pc-bin lvm2 (and root, for the
# loop device LVM needs). Usage: make-xcp-ng-8.2-bios.sh [OUTDIR_WITH_SR [OUTDIR_NO_SR]]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=sample-lib.sh
. "$here/sample-lib.sh"
suffix=qkvmzt                     # the installer's 6 random lowercase letters (facts: xcpng82-bios/README)
size=$((500107862016))            # 976773168 sectors of 512 bytes
total=$((size / 512))
sr_uuid=3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36
pv_uuid=Xq7Tz3-Lk9P-2mWc-Rf4H-8sYd-Jn6B-Vt1G0e
disk_id=ata-ST500DM002-1BD142_Z3TFK7QX
blank_id=ata-ST500DM002-1BD142_Z3TFK8AB
work=$(mktemp -d)
loop="" grubloop=""
cleanup() {
  mountpoint -q "$work/grub" 2>/dev/null && umount "$work/grub"
  [ -z "$grubloop" ] || losetup -d "$grubloop"
  [ -z "$loop" ] || losetup -d "$loop"
  rm -rf "$work"
}
trap cleanup EXIT

# The installer's sector layout on a 512-byte disk (xcp-ng-xenserver-7plus.md 1.1): logs 4 GiB, backup 18 GiB,
# root 18 GiB, boot 512 MiB, swap 1 GiB, then the SR to the last usable sector.
p5=2048:8388608; p2=8390656:37748736; p1=46139392:37748736; pboot=83888128:1048576; p6=84936704:2097152
# p3 ends on the last usable sector (total - 34: the backup GPT takes the last 33), as sgdisk --new=3:START:0 makes it
p3=87033856:$(( total - 33 - 87033856 ))
start() { echo "${1%%:*}"; }
count() { echo "${1##*:}"; }
end() { echo $(( ${1%%:*} + ${1##*:} - 1 )); }

# build IMAGE WITH_SR: the system disk as the installer leaves it.
build() {
  local img=$1 with_sr=$2 boot=4
  [ "$with_sr" = yes ] || boot=3
  truncate -s "$size" "$img"
  sgdisk --clear "$img" >/dev/null
  sgdisk --zap "$img" >/dev/null
  sgdisk --mbrtogpt --clear "$img" >/dev/null
  sfdisk --no-reread -A1 "$img" >/dev/null 2>&1 || sfdisk --no-reread --activate "$img" 1 >/dev/null
  local sr=()
  [ "$with_sr" = yes ] && sr=(--new=3:"$(start "$p3")":0 --typecode=3:8e00 -u 3:9B2E4C71-3D5A-4F08-8E6C-1A7F2D9B5E43)
  sgdisk -U 7C1E0B9A-3F42-4D6B-9E55-0A8C2D41B7F3 --set-alignment=1 \
    --new=5:"$(start "$p5")":"$(end "$p5")" --typecode=5:0700 -u 5:5E1D8A3C-7B2F-4C96-A0E4-3F8B6D2C1A95 \
    --new=2:"$(start "$p2")":"$(end "$p2")" --typecode=2:0700 -u 2:2A6C9E4F-1D3B-4A87-B5F0-6C2E8A4D9B13 \
    --new=1:"$(start "$p1")":"$(end "$p1")" --typecode=1:0700 -u 1:1F4B7D2E-9A6C-4E35-8B01-7D3F5A9C2E68 \
    --new="$boot":"$(start "$pboot")":"$(end "$pboot")" --typecode="$boot":ef02 -u "$boot":4C9A2F6E-5B1D-4873-9E2A-8F6C3B1D7A04 \
    --new=6:"$(start "$p6")":"$(end "$p6")" --typecode=6:8200 -u 6:6D3F1B8A-2E7C-4A59-9D46-0B8E5F2A3C71 \
    "${sr[@]}" "$img" >/dev/null
  local attrs=() n
  for n in 1 2 3 5 6; do [ "$n" = "$boot" ] || attrs+=(--attributes="$n":clear:2); done
  sgdisk "${attrs[@]}" --attributes="$boot":set:2 "$img" >/dev/null
  E2FSPROGS_FAKE_TIME=1647253661 mke2fs -q -F -t ext3 -L "root-$suffix" -U 8d2f6a41-3c7e-4b95-a0d8-6e1f2b9c5a37 \
    -E offset=$(( $(start "$p1") * 512 )),root_owner=0:0,hash_seed=2b7e1f9c-4a3d-4c68-9e05-7f1a3d6b8c24 "$img" "$(( $(count "$p1") / 2 ))k"
  E2FSPROGS_FAKE_TIME=1647253661 mke2fs -q -F -t ext3 -L "logs-$suffix" -U 5a9e2c7d-1b4f-4e83-b6a0-9d3c7f1e2b58 \
    -E offset=$(( $(start "$p5") * 512 )),root_owner=0:0,hash_seed=9f3a6d1e-7c2b-4e50-8a94-1d6b3e8f2c07 "$img" "$(( $(count "$p5") / 2 ))k"
  truncate -s $(( $(count "$p6") * 512 )) "$work/swap"
  mkswap -L "swap-$suffix" -U 1e7c4a9b-6d2f-4b38-9a05-3c8e1f6d2a94 "$work/swap" >/dev/null 2>&1
  dd if="$work/swap" of="$img" bs=512 seek="$(start "$p6")" count=8 conv=notrunc 2>/dev/null
  rm -f "$work/swap"
  # GRUB on BIOS as grub-install --target=i386-pc leaves it: core.img (prefix /boot/grub, root found by the
  # root filesystem's UUID) in the BIOS boot partition, boot.img in the MBR pointing at it.
  # grub-bios-setup also maps the device that holds its -d directory to a GRUB drive, so that directory sits on a
  # small loop-mounted filesystem named as a second drive in the device map.
  mkdir -p "$work/grub"
  truncate -s 8M "$work/grub.fs"
  mke2fs -q -F -t ext2 "$work/grub.fs"
  grubloop=$(losetup -f --show "$work/grub.fs")
  mount "$grubloop" "$work/grub"
  cp /usr/lib/grub/i386-pc/boot.img "$work/grub/"
  # shellcheck disable=SC2016 # $root is GRUB's variable
  printf 'search.fs_uuid 8d2f6a41-3c7e-4b95-a0d8-6e1f2b9c5a37 root hd0,gpt1\nset prefix=($root)/boot/grub\n' > "$work/load.cfg"
  grub-mkimage -O i386-pc -o "$work/grub/core.img" -c "$work/load.cfg" -p /boot/grub \
    biosdisk part_gpt ext2 search_fs_uuid
  printf '(hd0) %s\n(hd1) %s\n' "$img" "$grubloop" > "$work/device.map"
  /usr/lib/grub/i386-pc/grub-bios-setup --skip-fs-probe -d "$work/grub" -m "$work/device.map" "$img"
  umount "$work/grub"
  losetup -d "$grubloop"
  grubloop=""
  if [ "$with_sr" = yes ]; then
    make_sr "$img"
  fi
}

# make_sr IMAGE: the local SR as xapi's LVM SR driver makes it: VG_XenStorage-<sr uuid> on p3 with its MGT volume
# and one VDI (VHD-<vdi uuid>). LVM runs with its own configuration (only this loop device, no activation: the
# build machine may have no device-mapper), on a hostname set to the host's.
make_sr() {
  loop=$(losetup -f --show -o $(( $(start "$p3") * 512 )) --sizelimit $(( $(count "$p3") * 512 )) "$1")
  lvm_vg "$loop" xcp-ng-82 "$pv_uuid" "VG_XenStorage-$sr_uuid" "$work" MGT:4M VHD-7e2b9d41-5c3a-4f86-b1e7-2d9a6c4f8e03:8204M
  losetup -d "$loop"
  loop=""
}

# write OUT WITH_SR: the sample directory.
write() {
  out=$1
  local with_sr=$2 img=$work/sda.img boot=4 parts
  [ "$with_sr" = yes ] || boot=3
  rm -f "$img"
  build "$img" "$with_sr"
  rm -rf "$out"
  mkdir -p "$out/disks/sda" "$out/disks/sdb" "$out/files" "$out/commands"
  parts=("$p5" "$p2" "$p1" "$pboot" "$p6")
  [ "$with_sr" = yes ] && parts+=("$p3")
  capture_disk sda "$img" "$total" "${parts[@]}"
  capture_disk sdb "" "$total"
  {
    printf 'sda1 1 %s %s\nsda2 2 %s %s\n' "$(start "$p1")" "$(count "$p1")" "$(start "$p2")" "$(count "$p2")"
    [ "$with_sr" = yes ] && printf 'sda3 3 %s %s\n' "$(start "$p3")" "$(count "$p3")"
    printf 'sda%s %s %s %s\n' "$boot" "$boot" "$(start "$pboot")" "$(count "$pboot")"
    printf 'sda5 5 %s %s\nsda6 6 %s %s\n' "$(start "$p5")" "$(count "$p5")" "$(start "$p6")" "$(count "$p6")"
  } | sort -k2n > "$out/disks/sda/partitions.txt"
  : > "$out/disks/sdb/partitions.txt"
  st500_sys_txt sda Z3TFK7QX "$total"
  st500_sys_txt sdb Z3TFK8AB "$total"
  {
    local n
    for id in "$disk_id" "scsi-SATA_ST500DM002-1BD14_Z3TFK7QX" "wwn-0x5000c500a1b2c3d4"; do
      echo "$id=../../sda"
      while read -r n _; do echo "$id-part${n#sda}=../../$n"; done < "$out/disks/sda/partitions.txt"
    done
    for id in "$blank_id" "scsi-SATA_ST500DM002-1BD14_Z3TFK8AB" "wwn-0x5000c500a1b2c3e5"; do echo "$id=../../sdb"; done
  } | LC_ALL=C sort > "$out/by-id.txt"
  printf 'date=2022-03-14T11:02:17Z\nfirmware=bios\nhostname=xcp-ng-82\nuid=0\nuname=4.19.0+1 x86_64\n' > "$out/meta.txt"
  xcpng_tools_txt
  copy_tree "$here/xcp-ng-8.2-bios.files" "$out/files"
  write_proc "$with_sr" "$boot"
  write_commands "$with_sr"
  echo "wrote $out"
}

# write_proc WITH_SR BOOT: what the running dom0 shows (dracut mounts / by its kernel name; swap on p6).
write_proc() {
  local f=$out/files
  {
    printf 'major minor  #blocks  name\n\n   8        0  %s sda\n' $(( total / 2 ))
    while read -r n num _ c; do printf '   8       %2d  %s %s\n' "$num" $(( c / 2 )) "$n"; done < "$out/disks/sda/partitions.txt"
    printf '   8       16  %s sdb\n' $(( total / 2 ))
  } > "$f/proc/partitions"
  printf '/dev/sda6                               partition\t1048572\t0\t-2\n' | cat <(printf 'Filename\t\t\t\tType\t\tSize\tUsed\tPriority\n') - > "$f/proc/swaps"
  if [ "$1" = no ]; then
    sed -i "s/^PARTITION_LAYOUT=.*/PARTITION_LAYOUT='ROOT,BACKUP,LOG,BOOT,SWAP'/" "$f/etc/xensource-inventory"
  fi
}

# write_commands WITH_SR: the probe's command captures; pvs/vgs are LVM's own output with the loop device's
# name replaced by the host's.
write_commands() {
  local c=$out/commands
  printf 'exit=0\n' > "$c/mdadm-detail-scan.txt"
  if [ "$1" = yes ]; then
    lvm_captures "$out" /dev/sda3 "$work"
    cp "$here/xcp-ng-8.2-bios.commands/xe-sr-list.txt" "$here/xcp-ng-8.2-bios.commands/xe-pbd-list.txt" "$c/"
  else
    printf 'exit=0\n' > "$c/pvs.txt"
    printf 'exit=0\n' > "$c/vgs.txt"
    cp "$here/xcp-ng-8.2-bios.commands/xe-sr-list-nosr.txt" "$c/xe-sr-list.txt"
    cp "$here/xcp-ng-8.2-bios.commands/xe-pbd-list-nosr.txt" "$c/xe-pbd-list.txt"
  fi
}

write "${1:-$here/xcp-ng-8.2-bios}" yes
write "${2:-$here/xcp-ng-8.2-bios-nosr}" no
