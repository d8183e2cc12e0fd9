#!/bin/sh
# tests/lab/guest/disk-facts.sh DISK: runs IN the lab guest (ssh ... sh -s DISK < this). What a roll-back must
# leave as it was on the original disk: table, partition GUIDs and attributes, boot code, signatures; and where / is.
# (PART_ENTRY_DISK, the major:minor of the disk, is left out: it follows the kernel name.)
d=$1
sgdisk -p "$d"
for n in 1 2 3; do sgdisk -i "$n" "$d"; done
echo "boot code: $(dd if="$d" bs=440 count=1 2>/dev/null | sha256sum | cut -c1-64)"
for n in 1 2 3; do
  echo "$d$n: $(blkid -p -o export "$d$n" | grep -Ev '^(DEVNAME|PART_ENTRY_DISK)=' | sort | paste -sd ' ' -)"
  if mdadm --examine "$d$n" >/dev/null 2>&1; then echo "$d$n: md superblock"; fi
done
echo "root: $(findmnt -no SOURCE /)"
