#!/usr/bin/env bash
# xsraid alerts plan for xenserver-65 (XenServer 6.x (CentOS 5 dom0, extlinux, mkinitrd))
# Read it before you run it. Every step first checks whether its effect is already there and skips itself if so,
# so the script can be run again after an interruption. It stops at the first failing command. No reboot.
# note: `xsraid check` reports alerting as configured once /etc/mdadm.conf has a MAILADDR or PROGRAM line.
set -euo pipefail

XS_INPUT=$(mktemp -d)
trap 'rm -rf "$XS_INPUT"' EXIT
step() { printf '\n== %s: %s\n' "$1" "$2"; }
skip() { printf '   already done: %s\n' "$1"; }
fail() { printf 'xsraid script: step %s failed its check: %s\n' "$1" "$2" >&2; exit 1; }

# ===== xsraid alerts =====

# --- alerts-mdadm-conf: Set MAILADDR ops@example.org in /etc/mdadm.conf
# Why: mdadm --monitor mails this address when an array degrades or a disk fails; the other lines stay.
step alerts-mdadm-conf 'Set MAILADDR ops@example.org in /etc/mdadm.conf'
if sh -c '[ -f "$1" ] && awk -v k="$2" -v v="$3" '\''$1 == k && $2 == v && NF == 2 {f=1} END {exit !f}'\'' "$1"' sh /etc/mdadm.conf MAILADDR ops@example.org; then
  skip '/etc/mdadm.conf has MAILADDR ops@example.org'
else
  sh -c 'conf=$1; mkdir -p "$(dirname "$conf")" && { [ -f "$conf" ] || : > "$conf"; } && awk -v k="$2" -v v="$3" '\''$1 == k {if (!d) print k " " v; d=1; next} {print} END {if (!d) print k " " v}'\'' "$conf" > "$conf.xsraid-new" && mv -f "$conf.xsraid-new" "$conf"' sh /etc/mdadm.conf MAILADDR ops@example.org
fi
sh -c '[ -f "$1" ] && awk -v k="$2" -v v="$3" '\''$1 == k && $2 == v && NF == 2 {f=1} END {exit !f}'\'' "$1"' sh /etc/mdadm.conf MAILADDR ops@example.org || fail alerts-mdadm-conf '/etc/mdadm.conf has MAILADDR ops@example.org'

# --- alerts-initrd: Rebuild the initrd of kernel 3.10.0+2
# Why: The initrd carries a copy of mdadm.conf: it is made again after the file changed.
step alerts-initrd 'Rebuild the initrd of kernel 3.10.0+2'
if sh -c '[ -s "$1" ] && ! [ "$2" -nt "$1" ]' sh /boot/initrd-3.10.0+2.img /etc/mdadm.conf; then
  skip '/boot/initrd-3.10.0+2.img is not older than /etc/mdadm.conf'
else
  mkinitrd -f '--with=raid1' /boot/initrd-3.10.0+2.img 3.10.0+2
fi
sh -c '[ -s "$1" ] && ! [ "$2" -nt "$1" ]' sh /boot/initrd-3.10.0+2.img /etc/mdadm.conf || fail alerts-initrd '/boot/initrd-3.10.0+2.img is not older than /etc/mdadm.conf'

# --- alerts-enable-monitor: Enable the mdmonitor service
# Why: So that the monitor runs after every boot.
step alerts-enable-monitor 'Enable the mdmonitor service'
if sh -c 'chkconfig --list "$1" 2>/dev/null | grep -q '\''3:on'\''' sh mdmonitor; then
  skip 'mdmonitor starts at boot (chkconfig)'
else
  chkconfig mdmonitor on
fi
sh -c 'chkconfig --list "$1" 2>/dev/null | grep -q '\''3:on'\''' sh mdmonitor || fail alerts-enable-monitor 'mdmonitor starts at boot (chkconfig)'

# --- alerts-restart-monitor: Restart the mdmonitor service
# Why: It reads mdadm.conf when it starts.
step alerts-restart-monitor 'Restart the mdmonitor service'
service mdmonitor restart
service mdmonitor status || fail alerts-restart-monitor 'mdmonitor runs'

# --- alerts-test: Send a test alert for each array
# Why: mdadm --monitor --scan --oneshot --test: one TestMessage event per array, sent to ops@example.org.
step alerts-test 'Send a test alert for each array'
mdadm --monitor --scan --oneshot --test

echo 'xsraid script: all steps done.'
