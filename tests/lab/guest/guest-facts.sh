#!/bin/sh
# tests/lab/guest/guest-facts.sh: runs IN the lab guest after disks.sh (cat disks.sh this | ssh ... sh -s: each_disk
# tells the disks apart by WWN); prints key=value facts that tests/lab/run judges outside the VM. Read-only.
root=$(findmnt -no SOURCE /)
echo "root=$root"
rootlabel=$(e2label "$root" 2>/dev/null)
echo "rootlabel=$rootlabel"
# where udev's by-label link of that label points (udev's own view: it does not re-read an md device after e2label)
echo "rootbylabel=$(readlink -f "/dev/disk/by-label/$rootlabel" 2>/dev/null)"
# disk_facts NAME LETTER: its boot code's hash and partition 1's legacy-BIOS-bootable bit (each_disk: disks.sh)
disk_facts() {
  echo "mbr_$2=$(dd if="/dev/$1" bs=440 count=1 2>/dev/null | sha256sum | cut -c1-64)"
  echo "attr_$2=$(sgdisk -A 1:get:2 "/dev/$1" 2>/dev/null | tail -n 1)"
}
each_disk disk_facts
echo "gptmbr=$(sha256sum < /usr/lib/syslinux/mbr/gptmbr.bin | cut -c1-64)"
# md=NAME LEVEL MEMBER,MEMBER [n/m] [UU] [busy]   (a failed member keeps its "(F)"; "(auto-read-only)" and the
# like are left out: an array nobody has written to since boot is shown so)
awk '/^md[0-9]+ :/ {
       if (n) print line
       n = $1; lvl = ""; m = ""
       for (i = 3; i <= NF; i++) {
         x = $i
         if (x == "active" || x == "inactive" || x ~ /^\(/) continue
         if (lvl == "" && x !~ /\[[0-9]+\]/) { lvl = x; continue }
         f = (x ~ /\(F\)/); sub(/\[.*/, "", x); m = m (m ? "," : "") x (f ? "(F)" : "")
       }
       line = "md=" n " " lvl " " m; next }
     n && /blocks/ { line = line " " $(NF - 1) " " $NF }
     n && /(recovery|resync|reshape|check) *=/ { line = line " busy" }
     END { if (n) print line }' /proc/mdstat
pvs --noheadings -o pv_name,vg_name 2>/dev/null | awk '{ print "pv=" $1 " " $2 }'
