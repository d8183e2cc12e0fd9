#!/bin/sh
# xsraid host probe: one process, read-only. Gathers what the planner needs and prints it as sections:
#   @@<kind> <args...>   then the section's lines, each prefixed with '|', then   @@end
# Kinds: file PATH (text file), cmd NAME EXIT (command output), hex DISK head|tail OFFSET LENGTH (od hex),
# sys DISK (key=value lines), part DISK NAME (key=value lines), unreadable DISK (dd's error), tools, byid, meta.
# For `check`: each md array's sysfs state files (/sys/block/mdN/md/*) and `mdadm --detail` (cmd mdadm-detail-mdN),
# and the md lines of the running kernel's initrd listing (cmd initrd-md). Older snapshots lack these sections.
# On a UEFI host with efibootmgr: the firmware's boot entries (cmd efibootmgr-v); older snapshots lack it too.
# Must run on CentOS 5 (bash 3 as sh, coreutils 5.97, no base64, no lsblk -J) and on Debian (dash).
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/opt/xensource/bin:$PATH
export PATH
LC_ALL=C
export LC_ALL

HEAD_DISK=2048   # sectors of 512 bytes: 1 MiB at each end of a disk
HEAD_PART=256    # 128 KiB at each end of a partition

section_end() { echo '@@end'; }

# The running kernel's initrd, listed with the platform's tool: prints initrd=PATH, lister=TOOL, entries=N
# (0 when the listing failed), init-raidautorun=yes for a nash initrd that starts arrays, and only the listed
# paths that show md assembly (mdadm, mdadm.conf, raid1, mdraid).
initrd_md() {
  k=$(uname -r)
  for f in "/boot/initrd.img-$k" "/boot/initramfs-$k.img" "/boot/initrd-$k.img"; do
    [ -r "$f" ] || continue
    echo "initrd=$f"
    if command -v lsinitramfs >/dev/null 2>&1; then
      echo 'lister=lsinitramfs'
      l=$(lsinitramfs "$f" 2>/dev/null)
    elif command -v lsinitrd >/dev/null 2>&1; then
      echo 'lister=lsinitrd'
      l=$(lsinitrd "$f" 2>/dev/null)
    else
      echo 'lister=gzip+cpio'
      l=$(gzip -dc "$f" 2>/dev/null | cpio -it 2>/dev/null)
      # a nash initrd (CentOS 5) has no mdadm: its init script starts the arrays with raidautorun
      if gzip -dc "$f" 2>/dev/null | cpio -i --to-stdout init 2>/dev/null | grep -q raidautorun; then
        echo 'init-raidautorun=yes'
      fi
    fi
    echo "entries=$(printf '%s\n' "$l" | grep -c .)"
    printf '%s\n' "$l" | grep -E '(mdadm|mdadm\.conf|raid1\.ko[^/]*|mdraid[^/]*)$'
    return 0
  done
  echo "initrd=none (looked for /boot/initrd.img-$k, /boot/initramfs-$k.img, /boot/initrd-$k.img)"
  return 2
}

emit_file() {
  if [ -f "$1" ] && [ -r "$1" ]; then
    echo "@@file $1"
    sed 's/^/|/' "$1"
    section_end
  fi
}

emit_cmd() {
  name=$1
  shift
  out=$("$@" 2>&1)
  rc=$?
  echo "@@cmd $name $rc"
  printf '%s\n' "$out" | sed 's/^/|/'
  section_end
}

# dd + od of COUNT 512-byte sectors from SKIP; od -Ad -tx1 exists everywhere (coreutils 5.97 too). Without -v od
# writes a run of equal lines as one "*" line: a disk's mostly-zero first MiB is a few KiB of dump, not 3 MiB
# (under QEMU's TCG the -v dump of one MiB took 6 s; HexLines reads both forms).
emit_hex() {
  dev=$1 label=$2 what=$3 skip=$4 count=$5
  echo "@@hex $label $what $((skip * 512)) $((count * 512))"
  dd if="$dev" bs=512 skip="$skip" count="$count" 2>/dev/null | od -Ad -tx1 | sed 's/^/|/'
  section_end
}

read_attr() {
  if [ -r "$1" ]; then
    tr -d '\n' < "$1" 2>/dev/null
  fi
}

echo '@@xsraid-probe 1'
echo '@@meta'
echo "|hostname=$(hostname 2>/dev/null)"
echo "|uname=$(uname -r -m 2>/dev/null)"
echo "|uid=$(id -u 2>/dev/null)"
echo "|date=$(date -u +%Y-%m-%dT%H:%M:%SZ 2>/dev/null)"
section_end

for f in /proc/partitions /proc/mdstat /proc/mounts /proc/cmdline /proc/swaps \
         /etc/fstab /etc/os-release /etc/redhat-release /etc/debian_version /etc/xensource-inventory \
         /etc/mdadm.conf /etc/mdadm/mdadm.conf \
         /boot/extlinux.conf /boot/extlinux/extlinux.conf /boot/syslinux/syslinux.cfg \
         /boot/grub/grub.cfg /boot/grub2/grub.cfg /boot/efi/EFI/xenserver/grub.cfg \
         /etc/initramfs-tools/initramfs.conf /etc/sysconfig/mkinitrd \
         /proc/sys/dev/raid/speed_limit_min /proc/sys/dev/raid/speed_limit_max; do
  emit_file "$f"
done

echo '@@tools'
for t in sh sgdisk mdadm mkfs.ext3 mkfs.ext4 e2label tune2fs mkswap swaplabel swapon swapoff rsync cp extlinux grub-install grub2-install \
         mkinitrd dracut update-initramfs lsinitramfs wipefs efibootmgr xe pvs vgs lvs pvcreate vgcreate vgextend pvmove vgreduce pvremove blkid partprobe blockdev sfdisk cmp stat chroot dd awk; do
  p=$(command -v "$t" 2>/dev/null)
  if [ -n "$p" ]; then echo "|$t=$p"; fi
done
section_end

echo '@@byid'
if [ -d /dev/disk/by-id ]; then
  for l in /dev/disk/by-id/*; do
    [ -L "$l" ] || continue
    echo "|${l##*/}=$(readlink "$l")"
  done
fi
section_end

if [ -d /sys/firmware/efi ]; then
  echo '@@meta'
  echo '|firmware=uefi'
  section_end
else
  echo '@@meta'
  echo '|firmware=bios'
  section_end
fi
if [ -d /sys/firmware/efi ] && command -v efibootmgr >/dev/null 2>&1; then
  emit_cmd efibootmgr-v efibootmgr -v
fi

for sys in /sys/block/*; do
  [ -e "$sys/device" ] || continue
  disk=${sys##*/}
  dev=/dev/$disk
  size=$(read_attr "$sys/size")
  [ -n "$size" ] || continue
  echo "@@sys $disk"
  echo "|size=$size"
  for a in queue/logical_block_size queue/physical_block_size queue/rotational removable ro \
           device/model device/vendor device/serial device/wwid serial wwid; do
    v=$(read_attr "$sys/$a")
    if [ -n "$v" ]; then echo "|$a=$v"; fi
  done
  section_end
  for psys in "$sys/$disk"*; do
    [ -r "$psys/partition" ] || continue
    part=${psys##*/}
    echo "@@part $disk $part"
    echo "|partition=$(read_attr "$psys/partition")"
    echo "|start=$(read_attr "$psys/start")"
    echo "|size=$(read_attr "$psys/size")"
    section_end
  done
  if ! err=$(dd if="$dev" of=/dev/null bs=512 count=1 2>&1); then
    echo "@@unreadable $disk"
    printf '%s\n' "$err" | sed 's/^/|/'
    section_end
  else
    n=$HEAD_DISK
    if [ "$size" -lt "$n" ]; then n=$size; fi
    emit_hex "$dev" "$disk" head 0 "$n"
    emit_hex "$dev" "$disk" tail $((size - n)) "$n"
    for psys in "$sys/$disk"*; do
      [ -r "$psys/partition" ] || continue
      part=${psys##*/}
      pstart=$(read_attr "$psys/start")
      psize=$(read_attr "$psys/size")
      n=$HEAD_PART
      if [ "$psize" -lt "$n" ]; then n=$psize; fi
      emit_hex "$dev" "$part" head "$pstart" "$n"
      emit_hex "$dev" "$part" tail $((pstart + psize - n)) "$n"
    done
  fi
done

if command -v pvs >/dev/null 2>&1; then
  emit_cmd pvs pvs --noheadings --units b --nosuffix --separator '|' -o pv_name,vg_name,pv_size,pv_uuid,pv_attr
  emit_cmd vgs vgs --noheadings --units b --nosuffix --separator '|' -o vg_name,vg_uuid,vg_size,vg_free,pv_count,lv_count
  # keeping a volume group (pvmove onto the mirror): extents and metadata space of each PV, every LV with its devices
  emit_cmd pvs-extents pvs --noheadings --units b --nosuffix --separator '|' -o pv_name,vg_name,vg_extent_size,pv_pe_count,pv_pe_alloc_count,pe_start,pv_mda_size,pv_mda_free
  emit_cmd lvs lvs -a --noheadings --separator '|' -o vg_name,lv_name,lv_attr,copy_percent,devices
fi
if command -v mdadm >/dev/null 2>&1; then
  emit_cmd mdadm-detail-scan mdadm --detail --scan
fi
for mdsys in /sys/block/md*; do
  [ -d "$mdsys/md" ] || continue
  md=${mdsys##*/}
  for a in array_state sync_action mismatch_cnt degraded raid_disks level sync_completed; do
    emit_file "$mdsys/md/$a"
  done
  if command -v mdadm >/dev/null 2>&1; then
    emit_cmd "mdadm-detail-$md" mdadm --detail "/dev/$md"
  fi
done
if [ -e /proc/mdstat ] && grep -q '^md' /proc/mdstat 2>/dev/null; then
  emit_cmd initrd-md initrd_md
fi
if command -v xe >/dev/null 2>&1; then
  emit_cmd xe-sr-list xe sr-list params=uuid,name-label,type,content-type,host
  emit_cmd xe-pbd-list xe pbd-list params=uuid,sr-uuid,host-uuid,device-config,currently-attached
fi
echo '@@done'
