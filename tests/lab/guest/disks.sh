#!/bin/sh
# tests/lab/guest/disks.sh: sent IN FRONT of a facts script (cat disks.sh FACTS.sh | ssh ... sh -s): defines
# each_disk. The lab's disks are told apart by WWN (disk A ...0a01, disk B ...0b02): the kernel's sda/sdb follow the
# order the disks answered in, which differs from boot to boot.

# each_disk CMD...: runs CMD... NAME LETTER for every sd* disk (LETTER a, b or unknown), after printing name_LETTER=NAME.
each_disk() {
  for s in /sys/block/sd*; do
    [ -e "$s" ] || continue
    case $(cat "$s/device/wwid" 2>/dev/null) in
      naa.5000c50015ea0a01) l=a ;;
      naa.5000c50015ea0b02) l=b ;;
      *) l=unknown ;;
    esac
    echo "name_$l=${s##*/}"
    "$@" "${s##*/}" "$l"
  done
}
