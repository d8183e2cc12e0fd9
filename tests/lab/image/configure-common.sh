#!/bin/sh
# Runs INSIDE a lab host's root (chroot, /proc /sys /dev bound) at build time, fed on stdin before the host's own
# configure script (image/configure.sh, xcpng/configure.sh): identity, network, units masked under TCG, sshd.
# Env: LAB_HOSTNAME.
set -eu
export LC_ALL=C

echo "$LAB_HOSTNAME" > /etc/hostname
printf '127.0.0.1\tlocalhost\n127.0.1.1\t%s\n' "$LAB_HOSTNAME" > /etc/hosts
ln -sf /usr/share/zoneinfo/Etc/UTC /etc/localtime
echo Etc/UTC > /etc/timezone
[ -s /etc/machine-id ] || systemd-machine-id-setup >/dev/null

# Network: systemd-networkd, DHCP on every Ethernet NIC whatever its name (works under -netdev user).
mkdir -p /etc/systemd/network
cat > /etc/systemd/network/20-lab-dhcp.network <<'NET'
[Match]
Type=ether

[Network]
DHCP=ipv4
LinkLocalAddressing=no
IPv6AcceptRA=no
NET
systemctl enable systemd-networkd.service >/dev/null 2>&1
# Slow or useless units under TCG (lab-facts): ifupdown (unused, networkd does DHCP), udev-settle users,
# scrubbing, timers that would fire in the middle of a scenario.
systemctl mask networking.service ifupdown-pre.service systemd-networkd-wait-online.service \
  e2scrub_reap.service e2scrub_all.timer getty-static.service lvm2-monitor.service \
  apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer fstrim.timer >/dev/null 2>&1

# networkd asks the kernel for nl80211, which loads cfg80211 (and crypto): ~10 s of boot under TCG, no use here.
printf '%s\n' '# lab: no wireless; keeps systemd-networkd from loading cfg80211 at boot' 'blacklist cfg80211' \
  > /etc/modprobe.d/lab-no-wireless.conf

# sshd: only the host key build-base put in place, root by key only.
cat > /etc/ssh/sshd_config.d/lab.conf <<'SSH'
HostKey /etc/ssh/ssh_host_ed25519_key
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UseDNS no
SSH
passwd -l root >/dev/null
