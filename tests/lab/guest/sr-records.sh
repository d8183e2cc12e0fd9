#!/bin/sh
# tests/lab/guest/sr-records.sh: runs IN the lab guest (VG=... sh -s). Stops the writer (guest/sr-data.sh), then
# prints known_sha=<sha256 of LV known>, the volume group's physical volumes (pv=NAME) and every record number
# found in LV writer, one per line (rec=N). Read-only but for stopping the service.
set -eu
: "${VG:?VG= the volume group}"
systemctl stop lab-writer.service
echo "known_sha=$(sha256sum < "/dev/$VG/known" | cut -c1-64)"
pvs --noheadings -o pv_name -S "vg_name=$VG" | awk '{ print "pv=" $1 }'
dd if="/dev/$VG/writer" bs=1M status=none | tr '\0' '\n' | sed -n 's/^labw \([0-9][0-9]*\)$/rec=\1/p'
