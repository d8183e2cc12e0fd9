#!/bin/sh
# Runs INSIDE the lab host's root (chroot, /proc /sys /dev bound) at build time, fed on stdin by build-base
# after image/configure-common.sh (identity, network, masks, sshd).
# Env: LAB_HOSTNAME LAB_SWAP_FILE LAB_SWAP_MIB LAB_INITRD_MODULES LAB_KVER.
set -eu
export LC_ALL=C

# Swap as a file, like XenServer's /var/swap/swap.001.
mkdir -p "$(dirname "$LAB_SWAP_FILE")"
dd if=/dev/zero of="$LAB_SWAP_FILE" bs=1M count="$LAB_SWAP_MIB" status=none
chmod 600 "$LAB_SWAP_FILE"
mkswap "$LAB_SWAP_FILE" >/dev/null

# extlinux.conf is written by build-base; no kernel hook may rewrite it behind the scenario's back.
for hook in /etc/kernel/postinst.d/*extlinux* /etc/kernel/postrm.d/*extlinux*; do
  [ -e "$hook" ] && rm -f "$hook"
done

# A smaller root: no modules for hardware a QEMU lab VM never has (GPU, media, radio, sound, InfiniBand, ...),
# no documentation, man pages or translations: 754 MiB used became about 500 MiB. Measured under TCG: the final
# copy pass 17 s -> 10 s and the reboot's downtime 103 s -> 51 s; the live copy hardly changed (rsync -aHAXx is
# not bound by bytes there).
k=/usr/lib/modules/$LAB_KVER/kernel
for d in sound drivers/gpu drivers/media drivers/net/wireless drivers/infiniband drivers/iio drivers/staging \
  drivers/comedi drivers/isdn drivers/bluetooth drivers/thunderbolt drivers/atm net/wireless net/mac80211 net/bluetooth; do
  [ -d "$k/$d" ] || { echo "configure.sh: $k/$d is not in this kernel: the trim list is out of date" >&2; exit 1; }
  rm -rf "${k:?}/$d"
done
depmod "$LAB_KVER"
rm -rf /usr/share/doc/* /usr/share/man/* /usr/share/info/* /usr/share/locale/*

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
