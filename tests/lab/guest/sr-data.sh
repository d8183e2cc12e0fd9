#!/bin/sh
# tests/lab/guest/sr-data.sh: runs IN the lab guest (VG=<the SR's volume group> sh -s). Puts data the conversion must
# keep into the SR variant's volume group: LV `known` (48 MiB of random bytes; its sha256 is printed as known_sha=)
# and LV `writer`, written all through the conversion by the service lab-writer (installed and started here,
# enabled, so it runs again after each boot): record N is the 512-byte sector N of the LV ("labw N", zero padded),
# written with O_DIRECT and O_DSYNC; only after dd returns does the writer tell the kernel log, and so the serial
# console, "labw synced N". Every N the console saw must be in the LV afterwards. Each start of the writer goes on
# after the highest record it finds. BULK_MIB (optional): an LV `bulk` of that size, never written (pvmove moves it
# all the same: it makes the move last long enough to be interrupted).
set -eu
: "${VG:?VG= the volume group}"
lvcreate -q -y -n known -L 48m "$VG" >/dev/null
lvcreate -q -y -n writer -L 16m "$VG" >/dev/null
[ "${BULK_MIB:-0}" -eq 0 ] || lvcreate -q -y -n bulk -L "${BULK_MIB}m" "$VG" >/dev/null
dd if=/dev/urandom of="/dev/$VG/known" bs=1M count=48 oflag=direct status=none
dd if=/dev/zero of="/dev/$VG/writer" bs=1M count=16 oflag=direct status=none
echo "known_sha=$(sha256sum < "/dev/$VG/known" | cut -c1-64)"
cat > /usr/local/sbin/lab-writer <<'WRITER'
#!/bin/sh
# lab-writer VG: see tests/lab/guest/sr-data.sh
dev=/dev/$1/writer
echo on > /proc/sys/kernel/printk_devkmsg    # no rate limit on /dev/kmsg: every ack reaches the console
last=$(dd if="$dev" bs=1M status=none | tr '\0' '\n' | sed -n 's/^labw \([0-9][0-9]*\)$/\1/p' | sort -n | tail -n 1)
n=$(( ${last:-0} + 1 ))
max=$(( $(blockdev --getsz "$dev") - 1 ))
while [ "$n" -le "$max" ]; do
  printf 'labw %s\n' "$n" | dd of="$dev" bs=512 seek="$n" count=1 conv=sync oflag=direct,dsync status=none || exit 1
  printf '<2>labw synced %s\n' "$n" > /dev/kmsg
  n=$(( n + 1 ))
  sleep 0.5
done
WRITER
chmod 755 /usr/local/sbin/lab-writer
cat > /etc/systemd/system/lab-writer.service <<UNIT
[Unit]
Description=lab: writes synced records to the SR's LV writer (tests/lab/guest/sr-data.sh)
After=lvm2-monitor.service local-fs.target

[Service]
ExecStart=/usr/local/sbin/lab-writer $VG
Restart=on-failure
RestartSec=2

[Install]
WantedBy=multi-user.target
UNIT
systemctl daemon-reload
systemctl enable --now lab-writer.service >/dev/null 2>&1
sleep 3
systemctl is-active -q lab-writer.service
