#!/bin/sh
# Runs INSIDE the lab host's root (chroot, /proc /sys /dev bound) at build time, fed on stdin by build-base.
# Env: LAB_HOSTNAME LAB_SWAP_FILE LAB_SWAP_MIB LAB_INITRD_MODULES LAB_KVER.
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

# Swap as a file, like XenServer's /var/swap/swap.001.
mkdir -p "$(dirname "$LAB_SWAP_FILE")"
dd if=/dev/zero of="$LAB_SWAP_FILE" bs=1M count="$LAB_SWAP_MIB" status=none
chmod 600 "$LAB_SWAP_FILE"
mkswap "$LAB_SWAP_FILE" >/dev/null

# extlinux.conf is written by build-base; no kernel hook may rewrite it behind the scenario's back.
for hook in /etc/kernel/postinst.d/*extlinux* /etc/kernel/postrm.d/*extlinux*; do
  [ -e "$hook" ] && rm -f "$hook"
done

# First initrd: an explicit module list (MODULES=dep here would describe the build machine).
conf=/tmp/lab-initramfs
rm -rf "$conf"
cp -a /etc/initramfs-tools "$conf"
sed -i -e 's/^MODULES=.*/MODULES=list/' -e 's/^COMPRESS=.*/COMPRESS=zstd/' "$conf/initramfs.conf"
grep -q '^COMPRESS=' "$conf/initramfs.conf" || echo COMPRESS=zstd >> "$conf/initramfs.conf"
for m in $LAB_INITRD_MODULES; do echo "$m"; done >> "$conf/modules"
rm -f /boot/initrd.img-"$LAB_KVER"
mkinitramfs -d "$conf" -o /boot/initrd.img-"$LAB_KVER" "$LAB_KVER"
rm -rf "$conf"
# For rebuilds inside the VM (update-initramfs -u): dep + zstd, fast under TCG.
sed -i -e 's/^MODULES=.*/MODULES=dep/' -e 's/^COMPRESS=.*/COMPRESS=zstd/' /etc/initramfs-tools/initramfs.conf
grep -q '^COMPRESS=' /etc/initramfs-tools/initramfs.conf || echo COMPRESS=zstd >> /etc/initramfs-tools/initramfs.conf

rm -f /etc/ssh/ssh_host_rsa_key* /etc/ssh/ssh_host_ecdsa_key* /var/log/*.log
