#!/bin/sh
# tests/lab/guest/xcpng-facts.sh: runs IN the XCP-ng-shaped lab guest after disks.sh (as guest-facts.sh); prints
# key=value facts about its disks and what they boot, judged outside the VM (scenarios/xcpng-convert.sh). Read-only.
# ssh answers before systemd has finished booting (swap on its label may still be pending): wait for that first.
timeout 600 systemctl is-system-running --wait >/dev/null 2>&1
# volume NAME DEVICE: NAME=DEVICE, NAME_label= its label as on the device (blkid without its cache), NAME_bylabel=
# where udev's /dev/disk/by-label link of that label points (udev's own view, what fstab's LABEL= goes through)
volume() {
  label=$(blkid -c /dev/null -o value -s LABEL "$2" 2>/dev/null)
  echo "$1=$2"
  echo "$1_label=$label"
  echo "$1_bylabel=$(readlink -f "/dev/disk/by-label/$label" 2>/dev/null)"
}
root=$(findmnt -no SOURCE /)
volume root "$root"
volume logs "$(findmnt -no SOURCE /var/log)"
swap=$(swapon --show=NAME --noheadings | head -n 1)
volume swap "$swap"
echo "hypervisor=$(cat /sys/hypervisor/type 2>/dev/null)"
echo "cmdline=$(cat /proc/cmdline)"
# disk_facts NAME LETTER: its boot code's hash, and 1 when that is GRUB's boot.img (it carries the string "GRUB")
disk_facts() {
  echo "mbr_$2=$(dd if="/dev/$1" bs=440 count=1 2>/dev/null | sha256sum | cut -c1-64)"
  echo "mbr_grub_$2=$(dd if="/dev/$1" bs=440 count=1 2>/dev/null | grep -c GRUB)"
}
each_disk disk_facts
# the whole-disk array: mdadm --detail's fields, one per line
if [ -b /dev/md127 ]; then
  mdadm --detail /dev/md127 | awk -F' : ' '
    { v = $2; sub(/[ \t]+$/, "", v) }
    /^ *Version :/ { print "md_version=" v }
    /^ *State :/ { print "md_state=" v }
    /^ *Raid Devices :/ { print "md_raid_devices=" v }
    /^ *Active Devices :/ { print "md_active=" v }
    /^ *Intent Bitmap :/ { print "md_bitmap=" v }
    /^ *Raid Level :/ { print "md_level=" v }'
  mdadm --detail /dev/md127 | awk '$NF ~ /^\/dev\// && $1 ~ /^[0-9]+$/ { sub("/dev/", "", $NF); print "md_member=" $NF }'
  # the GPT inside: number start size type-code
  sgdisk -p /dev/md127 | awk '$1 ~ /^[0-9]+$/ && NF >= 6 { print "md_part=" $1, $2, $3 - $2 + 1, $6 }'
fi
for d in /dev/sd?; do
  [ -b "$d" ] || continue
  sgdisk -p "$d" 2>/dev/null | awk -v d="${d#/dev/}" '$1 ~ /^[0-9]+$/ && NF >= 6 { print "part_" d "=" $1, $2, $3 - $2 + 1, $6 }'
done
# the boot configuration and the files that name the volumes
echo "grub_entries=$(grep -c '^menuentry' /boot/grub/grub.cfg)"
echo "grub_root_label=$(grep -c "root=LABEL=$(blkid -o value -s LABEL "$root")" /boot/grub/grub.cfg)"
echo "grub_rd_auto=$(grep -c 'rd.auto' /boot/grub/grub.cfg)"
echo "grub_search_label=$(grep -c "search --label --set root $(blkid -o value -s LABEL "$root")" /boot/grub/grub.cfg)"
awk '$1 !~ /^#/ && NF >= 3 { print "fstab=" $1 " " $2 " " $3 }' /etc/fstab
for k in PRIMARY_DISK BACKUP_PARTITION; do
  v=$(sed -n "s/^$k='\\(.*\\)'$/\\1/p" /etc/xensource-inventory)
  echo "inventory_$k=$v -> $(readlink -f "$v" 2>/dev/null)"
done
# (the last command: the script's exit status is 0 whatever it found)
echo "mdadm_conf_array=$(grep -c '^ARRAY .*UUID=' /etc/mdadm.conf 2>/dev/null)"
