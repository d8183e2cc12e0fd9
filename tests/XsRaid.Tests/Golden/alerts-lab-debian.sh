#!/usr/bin/env bash
# xsraid alerts plan for xs65-lab (Debian (extlinux, initramfs-tools))
# Read it before you run it. Every step first checks whether its effect is already there and skips itself if so,
# so the script can be run again after an interruption. It stops at the first failing command. No reboot.
# note: `xsraid check` reports alerting as configured once /etc/mdadm/mdadm.conf has a MAILADDR or PROGRAM line.
set -euo pipefail

XS_INPUT=$(mktemp -d)
trap 'rm -rf "$XS_INPUT"' EXIT
step() { printf '\n== %s: %s\n' "$1" "$2"; }
skip() { printf '   already done: %s\n' "$1"; }
fail() { printf 'xsraid script: step %s failed its check: %s\n' "$1" "$2" >&2; exit 1; }

# ===== xsraid alerts =====

# --- alerts-mdadm-conf: Set MAILADDR ops@example.org in /etc/mdadm/mdadm.conf
# Why: mdadm --monitor mails this address when an array degrades or a disk fails; the other lines stay.
step alerts-mdadm-conf 'Set MAILADDR ops@example.org in /etc/mdadm/mdadm.conf'
if sh -c '[ -f "$1" ] && awk -v k="$2" -v v="$3" '\''$1 == k && $2 == v && NF == 2 {f=1} END {exit !f}'\'' "$1"' sh /etc/mdadm/mdadm.conf MAILADDR ops@example.org; then
  skip '/etc/mdadm/mdadm.conf has MAILADDR ops@example.org'
else
  sh -c 'conf=$1; mkdir -p "$(dirname "$conf")" && { [ -f "$conf" ] || : > "$conf"; } && awk -v k="$2" -v v="$3" '\''$1 == k {if (!d) print k " " v; d=1; next} {print} END {if (!d) print k " " v}'\'' "$conf" > "$conf.xsraid-new" && mv -f "$conf.xsraid-new" "$conf"' sh /etc/mdadm/mdadm.conf MAILADDR ops@example.org
fi
sh -c '[ -f "$1" ] && awk -v k="$2" -v v="$3" '\''$1 == k && $2 == v && NF == 2 {f=1} END {exit !f}'\'' "$1"' sh /etc/mdadm/mdadm.conf MAILADDR ops@example.org || fail alerts-mdadm-conf '/etc/mdadm/mdadm.conf has MAILADDR ops@example.org'

# --- alerts-initrd: Rebuild the initrd of kernel 6.1.0-50-amd64
# Why: The initrd carries a copy of mdadm.conf: it is made again after the file changed.
step alerts-initrd 'Rebuild the initrd of kernel 6.1.0-50-amd64'
if sh -c '[ -s "$1" ] && ! [ "$2" -nt "$1" ]' sh /boot/initrd.img-6.1.0-50-amd64 /etc/mdadm/mdadm.conf; then
  skip '/boot/initrd.img-6.1.0-50-amd64 is not older than /etc/mdadm/mdadm.conf'
else
  update-initramfs -u -k 6.1.0-50-amd64
fi
sh -c '[ -s "$1" ] && ! [ "$2" -nt "$1" ]' sh /boot/initrd.img-6.1.0-50-amd64 /etc/mdadm/mdadm.conf || fail alerts-initrd '/boot/initrd.img-6.1.0-50-amd64 is not older than /etc/mdadm/mdadm.conf'

# --- alerts-enable-monitor: Enable the mdmonitor service
# Why: So that the monitor runs after every boot.
step alerts-enable-monitor 'Enable the mdmonitor service'
if sh -c 's=$(systemctl is-enabled "$1" 2>/dev/null); case "$s" in enabled|enabled-runtime|static|indirect|alias) exit 0;; esac; exit 1' sh mdmonitor; then
  skip 'mdmonitor starts at boot'
else
  sh -c 'systemctl enable "$1" 2>/dev/null || [ "$(systemctl is-enabled "$1" 2>/dev/null)" = static ]' sh mdmonitor
fi
sh -c 's=$(systemctl is-enabled "$1" 2>/dev/null); case "$s" in enabled|enabled-runtime|static|indirect|alias) exit 0;; esac; exit 1' sh mdmonitor || fail alerts-enable-monitor 'mdmonitor starts at boot'

# --- alerts-restart-monitor: Restart the mdmonitor service
# Why: It reads mdadm.conf when it starts.
step alerts-restart-monitor 'Restart the mdmonitor service'
systemctl restart mdmonitor
systemctl is-active --quiet mdmonitor || fail alerts-restart-monitor 'mdmonitor runs'

# --- alerts-test: Send a test alert for each array
# Why: mdadm --monitor --scan --oneshot --test: one TestMessage event per array, sent to ops@example.org.
step alerts-test 'Send a test alert for each array'
mdadm --monitor --scan --oneshot --test

echo 'xsraid script: all steps done.'
