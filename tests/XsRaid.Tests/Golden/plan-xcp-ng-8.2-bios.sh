#!/usr/bin/env bash
# xsraid conversion plan for xcp-ng-82 (XCP-ng 8.x / XenServer 7-8 (CentOS 7 dom0, grub2, dracut))
# system disk /dev/sda (ata-ST500DM002-1BD142_Z3TFK7QX) + new disk /dev/sdb (ata-ST500DM002-1BD142_Z3TFK8AB) -> RAID1, md metadata 1.0
# Read it before you run it. Every step first checks whether its effect is already there and skips itself if so,
# so the script can be run again after an interruption. It stops at the first failing command.
# Phase 1 ends with a one-shot reboot into the mirror; run the script again once the host is back.
set -euo pipefail

XS_INPUT=$(mktemp -d)
trap 'rm -rf "$XS_INPUT"' EXIT
step() { printf '\n== %s: %s\n' "$1" "$2"; }
skip() { printf '   already done: %s\n' "$1"; }
fail() { printf 'xsraid script: step %s failed its check: %s\n' "$1" "$2" >&2; exit 1; }

# The disks must still have the kernel names this script was made with (names can change across a reboot).
sh -c 'd=$1; shift; while [ $# -ge 2 ]; do now=$(readlink -f "$d/$2" 2>/dev/null); if [ "$now" != "$1" ]; then echo "$d/$2 is ${now:-missing}, not $1" >&2; exit 1; fi; shift 2; done' sh /dev/disk/by-id /dev/sda ata-ST500DM002-1BD142_Z3TFK7QX /dev/sdb ata-ST500DM002-1BD142_Z3TFK8AB || { echo 'xsraid script: the disks have other kernel names than when this script was made; nothing was done. Make the script again (xsraid plan --script) before phase 1, or use the names the disks have now (see ls -l /dev/disk/by-id).' >&2; exit 1; }

# ===== Phase 1: build the degraded mirror on /dev/sdb, then reboot into it once =====
if ! sh -c '[ -b "$1" ] && [ "$(stat -c %d /)" = "$(( 0x$(stat -L -c %t "$1") * 256 + 0x$(stat -L -c %T "$1") ))" ]' sh /dev/md127p1; then

  # --- wipe-target: Zero stale metadata on the target disk
  # Why: As the installer does before it creates md127: a stale md superblock or partition table on a reused disk is a top cause of failed RAID installs (xcp-ng/xcp#543, #588).
  # WRITES /dev/sdb
  step wipe-target 'Zero stale metadata on the target disk'
  if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md127 /dev/sdb; then
    skip '/dev/md127 runs with /dev/sdb'
  else
    sh -c 'dev=$1; mdadm --zero-superblock --force "$dev" >/dev/null 2>&1; size=$(blockdev --getsz "$dev") || exit 1; n=2048; [ "$size" -lt $n ] && n=$size; dd if=/dev/zero of="$dev" bs=512 count=$n conv=notrunc 2>/dev/null && dd if=/dev/zero of="$dev" bs=512 seek=$((size - n)) count=$n conv=notrunc 2>/dev/null' sh /dev/sdb
  fi

  # --- create-md127: Create /dev/md127 degraded over the whole of /dev/sdb
  # Why: The installer's Software RAID: RAID1 over whole disks, metadata 1.0 (at the end, so each disk starts with the GPT and BIOS boots it as a plain disk), named localhost:127 like the installer's; the internal bitmap makes resyncs after a crash short. The system disk is 'missing' until phase 2.
  # WRITES /dev/sdb
  step create-md127 'Create /dev/md127 degraded over the whole of /dev/sdb'
  if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md127 /dev/sdb; then
    skip '/dev/md127 runs with /dev/sdb'
  else
    sh -c 'md=$1; awk -v d="${2##*/}" '\''$1 ~ /^md/ && $2 == ":" {for (i = 3; i <= NF; i++) if (split($i, p, "[") > 1 && p[1] == d) print $1, $3}'\'' /proc/mdstat | while read -r a state; do if [ "/dev/$a" = "$md" ] && [ "$state" = active ]; then continue; fi; mdadm --stop "/dev/$a" || exit 1; done' sh /dev/md127 /dev/sdb
    mdadm --create /dev/md127 --run '--metadata=1.0' '--level=1' '--raid-devices=2' '--bitmap=internal' '--name=localhost:127' /dev/sdb missing
  fi
  sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md127 /dev/sdb || fail create-md127 '/dev/md127 runs with /dev/sdb'

  # --- partition-md127: Write /dev/sda's GPT inside /dev/md127
  # Why: Same numbers, start sectors, types and legacy-BIOS-bootable bits as the system disk, in the installer's on-disk order; sgdisk gives new GUIDs. Partition 3 (storage) ends at the array's last usable sector (end 0).
  # WRITES /dev/sdb
  step partition-md127 'Write /dev/sda'\''s GPT inside /dev/md127'
  if sh -c 'd=$1; shift; a=$(sgdisk -p "$d" 2>/dev/null | awk '\''$1 ~ /^[0-9]+$/ {print $1, $2, $6}'\'' | sort); [ -n "$a" ] && [ "$a" = "$(printf '\''%s\n'\'' "$@" | sort)" ]' sh /dev/md127 '5 2048 0700' '2 8390656 0700' '1 46139392 0700' '4 83888128 EF02' '6 84936704 8200' '3 87033856 8E00'; then
    skip '/dev/md127 holds the GPT: 5 2048 0700, 2 8390656 0700, 1 46139392 0700, 4 83888128 EF02, 6 84936704 8200, 3 87033856 8E00'
  else
    sgdisk '--set-alignment=1' '--new=5:2048:8390655' '--typecode=5:0700' '--new=2:8390656:46139391' '--typecode=2:0700' '--new=1:46139392:83888127' '--typecode=1:0700' '--new=4:83888128:84936703' '--typecode=4:EF02' '--new=6:84936704:87033855' '--typecode=6:8200' '--new=3:87033856:0' '--typecode=3:8E00' '--attributes=4:set:2' /dev/md127
    sh -c 'settle() { udevadm settle >/dev/null 2>&1 || udevsettle >/dev/null 2>&1 || sleep 1; }; i=1; while settle; ! blockdev --rereadpt "$1"; do [ $i -lt 10 ] || exit 1; i=$((i + 1)); sleep 1; done; settle' sh /dev/md127
  fi
  sh -c 'd=$1; shift; a=$(sgdisk -p "$d" 2>/dev/null | awk '\''$1 ~ /^[0-9]+$/ {print $1, $2, $6}'\'' | sort); [ -n "$a" ] && [ "$a" = "$(printf '\''%s\n'\'' "$@" | sort)" ]' sh /dev/md127 '5 2048 0700' '2 8390656 0700' '1 46139392 0700' '4 83888128 EF02' '6 84936704 8200' '3 87033856 8E00' || fail partition-md127 '/dev/md127 holds the GPT: 5 2048 0700, 2 8390656 0700, 1 46139392 0700, 4 83888128 EF02, 6 84936704 8200, 3 87033856 8E00'

  # --- make-logs: Make the ext3 filesystem on /dev/md127p5 (logs)
  # Why: With a temporary label (xsraid-rugbfhrm) so that no label exists twice while /dev/sda5 (logs-qkvmzt) lives; logs-qkvmzt comes back in phase 2.
  # WRITES /dev/sdb
  step make-logs 'Make the ext3 filesystem on /dev/md127p5 (logs)'
  if sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p5 xsraid-rugbfhrm; then
    skip '/dev/md127p5 carries the temporary label xsraid-rugbfhrm'
  else
    mkfs.ext3 -q -L xsraid-rugbfhrm /dev/md127p5
  fi
  sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p5 xsraid-rugbfhrm || fail make-logs '/dev/md127p5 carries the temporary label xsraid-rugbfhrm'

  # --- make-root: Make the ext3 filesystem on /dev/md127p1 (root)
  # Why: With a temporary label (xsraid-ldcrnite) so that no label exists twice while /dev/sda1 (root-qkvmzt) lives; root-qkvmzt comes back in phase 2.
  # WRITES /dev/sdb
  step make-root 'Make the ext3 filesystem on /dev/md127p1 (root)'
  if sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p1 xsraid-ldcrnite; then
    skip '/dev/md127p1 carries the temporary label xsraid-ldcrnite'
  else
    mkfs.ext3 -q -L xsraid-ldcrnite /dev/md127p1
  fi
  sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p1 xsraid-ldcrnite || fail make-root '/dev/md127p1 carries the temporary label xsraid-ldcrnite'

  # --- make-swap: Make swap on /dev/md127p6
  # Why: With a temporary label (xsraid-xmwnsqsj) so that no label exists twice while /dev/sda6 (swap-qkvmzt) lives; swap-qkvmzt comes back in phase 2.
  # WRITES /dev/sdb
  step make-swap 'Make swap on /dev/md127p6'
  if sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p6 xsraid-xmwnsqsj; then
    skip '/dev/md127p6 carries the temporary label xsraid-xmwnsqsj'
  else
    mkswap -L xsraid-xmwnsqsj /dev/md127p6
  fi
  sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p6 xsraid-xmwnsqsj || fail make-swap '/dev/md127p6 carries the temporary label xsraid-xmwnsqsj'

  # --- mount-new-root: Mount the new root and the other copied volumes, and bind the old root beside them
  # Why: The copy reads the old root through a bind mount (which also shows what mounts hide) and each other volume at its mount point.
  step mount-new-root 'Mount the new root and the other copied volumes, and bind the old root beside them'
  sh -c 'mkdir -p "$2" && { awk -v m="$2" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts || mount "$1" "$2"; }' sh /dev/md127p1 /mnt/xsraid-root
  sh -c 'mkdir -p "$2" && { awk -v m="$2" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts || mount "$1" "$2"; }' sh /dev/md127p5 /mnt/xsraid-logs
  sh -c 'mkdir -p "$1" && { awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts || mount --bind / "$1"; }' sh /mnt/xsraid-root-src
  sh -c 'awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts' sh /mnt/xsraid-root || fail mount-new-root '/mnt/xsraid-root is mounted'

  # --- copy-root-live: Copy the running root and /var/log onto the array (first pass, live)
  # Why: Most of the data moves while the host keeps running; the final pass after stopping writers is then short.
  # WRITES /dev/sdb
  step copy-root-live 'Copy the running root and /var/log onto the array (first pass, live)'
  rsync -aHAXx --numeric-ids --delete /mnt/xsraid-root-src/ /mnt/xsraid-root/
  rsync -aHAXx --numeric-ids --delete /var/log/ /mnt/xsraid-logs/

  # --- stop-writers: Stop the services that write to the root
  # Why: xapi and friends write their database continuously and rsyslog writes /var/log; stopping them makes the final copy consistent. Running VMs are not touched; the host reboots soon.
  step stop-writers 'Stop the services that write to the root'
  sh -c 'for s in "$@"; do if systemctl list-unit-files --no-legend "$s.service" 2>/dev/null | grep -q .; then systemctl stop "$s.service" || exit 1; fi; done' sh xapi xcp-rrdd perfmon rsyslog

  # --- copy-root-final: Copy the root and /var/log again (final pass)
  # Why: Picks up what changed during the first pass.
  # WRITES /dev/sdb
  step copy-root-final 'Copy the root and /var/log again (final pass)'
  rsync -aHAXx --numeric-ids --delete /mnt/xsraid-root-src/ /mnt/xsraid-root/
  rsync -aHAXx --numeric-ids --delete /var/log/ /mnt/xsraid-logs/

  # --- unmount-copied-volumes: Unmount the copied volumes other than the root
  # Why: Their copy is complete; only the root is still written.
  step unmount-copied-volumes 'Unmount the copied volumes other than the root'
  sh -c 'if awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts; then sync; umount "$1"; fi' sh /mnt/xsraid-logs

  # --- write-mdadm-conf: Write mdadm.conf on the new root
  # Why: The installer writes none (rd.auto assembles md127); the ARRAY line by UUID lets dracut's mdraid module and mdadm --monitor know /dev/md127, MAILADDR root makes mdadm --monitor report a failed disk.
  # WRITES /dev/sdb
  step write-mdadm-conf 'Write mdadm.conf on the new root'
  if sh -c 'conf=$1; shift; [ -f "$conf" ] || exit 1; for md in "$@"; do u=$(mdadm --detail --brief "$md" 2>/dev/null | sed -n '\''s/.*UUID=\([0-9a-fA-F:]*\).*/\1/p'\''); [ -n "$u" ] && grep -qi "UUID=$u" "$conf" || exit 1; done' sh /mnt/xsraid-root/etc/mdadm.conf /dev/md127; then
    skip '/etc/mdadm.conf on the array lists /dev/md127 by UUID'
  else
    sh -c 'conf=$1; shift; mkdir -p "$(dirname "$conf")" && { echo '\''# written by xsraid: the mirrored arrays, by UUID'\''; echo '\''DEVICE partitions'\''; echo '\''MAILADDR root'\''; for md in "$@"; do mdadm --detail --brief "$md" | grep '\''^ARRAY'\'' || exit 1; done; } > "$conf.xsraid-new" && mv -f "$conf.xsraid-new" "$conf"' sh /mnt/xsraid-root/etc/mdadm.conf /dev/md127
  fi
  sh -c 'conf=$1; shift; [ -f "$conf" ] || exit 1; for md in "$@"; do u=$(mdadm --detail --brief "$md" 2>/dev/null | sed -n '\''s/.*UUID=\([0-9a-fA-F:]*\).*/\1/p'\''); [ -n "$u" ] && grep -qi "UUID=$u" "$conf" || exit 1; done' sh /mnt/xsraid-root/etc/mdadm.conf /dev/md127 || fail write-mdadm-conf '/etc/mdadm.conf on the array lists /dev/md127 by UUID'

  # --- rewrite-fstab: Point /etc/fstab on the new root at the temporary labels
  # Why: LABEL=logs-qkvmzt becomes LABEL=xsraid-rugbfhrm, LABEL=root-qkvmzt becomes LABEL=xsraid-ldcrnite, LABEL=swap-qkvmzt becomes LABEL=xsraid-xmwnsqsj; nothing else changes.
  # WRITES /dev/sdb
  step rewrite-fstab 'Point /etc/fstab on the new root at the temporary labels'
  cat > "$XS_INPUT"/rewrite-fstab.1 <<'XSRAID_EOF'
LABEL=xsraid-ldcrnite    /         ext3     defaults   1  1
LABEL=xsraid-xmwnsqsj          swap      swap   defaults   0  0
LABEL=xsraid-rugbfhrm    /var/log         ext3     defaults   0  2
XSRAID_EOF
  if sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/etc/fstab < "$XS_INPUT"/rewrite-fstab.1; then
    skip '/mnt/xsraid-root/etc/fstab has the new content'
  else
    sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /mnt/xsraid-root/etc/fstab < "$XS_INPUT"/rewrite-fstab.1
  fi
  sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/etc/fstab < "$XS_INPUT"/rewrite-fstab.1 || fail rewrite-fstab '/mnt/xsraid-root/etc/fstab has the new content'

  # --- rewrite-boot-config: Point every boot entry of the new root at the new root
  # Why: In every entry of /boot/grub/grub.cfg: search --label and root=LABEL= name xsraid-ldcrnite, and rd.auto is added as the installer adds it for md.
  # WRITES /dev/sdb
  step rewrite-boot-config 'Point every boot entry of the new root at the new root'
  cat > "$XS_INPUT"/rewrite-boot-config.1 <<'XSRAID_EOF'
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set default=0
set timeout=5
menuentry 'XCP-ng' {
	search --label --set root xsraid-ldcrnite
	multiboot2 /boot/xen.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G console=vga vga=mode-0x0311
	module2 /boot/vmlinuz-4.19-xen root=LABEL=xsraid-ldcrnite ro nolvm hpet=disable rd.auto console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng (Serial)' {
	search --label --set root xsraid-ldcrnite
	multiboot2 /boot/xen.gz com1=115200,8n1 console=com1,vga dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-4.19-xen root=LABEL=xsraid-ldcrnite ro nolvm hpet=disable rd.auto console=tty0 console=hvc0
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng in Safe Mode' {
	search --label --set root xsraid-ldcrnite
	multiboot2 /boot/xen.gz nosmp noreboot noirqbalance no-mce no-bootscrub no-numa no-hap no-mmcfg max_cstate=0 nmi=ignore allow_unsafe dom0_mem=2928M,max:2928M com1=115200,8n1 console=com1,vga
	module2 /boot/vmlinuz-4.19-xen earlyprintk=xen root=LABEL=xsraid-ldcrnite ro nolvm hpet=disable rd.auto console=tty0 console=hvc0
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng (Xen 4.13.5 / Linux 4.19.0+1)' {
	search --label --set root xsraid-ldcrnite
	multiboot2 /boot/xen-fallback.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-fallback root=LABEL=xsraid-ldcrnite ro nolvm hpet=disable rd.auto console=hvc0 console=tty0
	module2 /boot/initrd-fallback.img
}
menuentry 'XCP-ng (Serial, Xen 4.13.5 / Linux 4.19.0+1)' {
	search --label --set root xsraid-ldcrnite
	multiboot2 /boot/xen-fallback.gz com1=115200,8n1 console=com1,vga dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-fallback root=LABEL=xsraid-ldcrnite ro nolvm hpet=disable rd.auto console=tty0 console=hvc0
	module2 /boot/initrd-fallback.img
}
XSRAID_EOF
  if sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/boot/grub/grub.cfg < "$XS_INPUT"/rewrite-boot-config.1; then
    skip '/mnt/xsraid-root/boot/grub/grub.cfg has the new content'
  else
    sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /mnt/xsraid-root/boot/grub/grub.cfg < "$XS_INPUT"/rewrite-boot-config.1
  fi
  sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/boot/grub/grub.cfg < "$XS_INPUT"/rewrite-boot-config.1 || fail rewrite-boot-config '/mnt/xsraid-root/boot/grub/grub.cfg has the new content'

  # --- write-initrd-md-config: Write /etc/dracut.conf.d/dracut_mdraid.conf on the new root
  # Why: dracut puts the mdraid module, raid1 and /etc/mdadm.conf into the initrd; rd.auto on the kernel line assembles md127 as on an installer RAID.
  # WRITES /dev/sdb
  step write-initrd-md-config 'Write /etc/dracut.conf.d/dracut_mdraid.conf on the new root'
  cat > "$XS_INPUT"/write-initrd-md-config.1 <<'XSRAID_EOF'
# written by xsraid: / is on md127 (the XCP-ng docs' software-RAID guide)
mdadmconf="yes"
add_dracutmodules+=" mdraid "
add_drivers+=" md_mod raid1 "
XSRAID_EOF
  if sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/etc/dracut.conf.d/dracut_mdraid.conf < "$XS_INPUT"/write-initrd-md-config.1; then
    skip '/mnt/xsraid-root/etc/dracut.conf.d/dracut_mdraid.conf has the new content'
  else
    sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /mnt/xsraid-root/etc/dracut.conf.d/dracut_mdraid.conf < "$XS_INPUT"/write-initrd-md-config.1
  fi
  sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/etc/dracut.conf.d/dracut_mdraid.conf < "$XS_INPUT"/write-initrd-md-config.1 || fail write-initrd-md-config '/mnt/xsraid-root/etc/dracut.conf.d/dracut_mdraid.conf has the new content'

  # --- rewrite-inventory: Name /dev/md127 as the primary disk in /etc/xensource-inventory on the new root
  # Why: The installer records the system disk for upgrades and restores; for its RAID that is md127 (/dev/disk/by-id/md-name-localhost:127).
  # WRITES /dev/sdb
  step rewrite-inventory 'Name /dev/md127 as the primary disk in /etc/xensource-inventory on the new root'
  cat > "$XS_INPUT"/rewrite-inventory.1 <<'XSRAID_EOF'
PRIMARY_DISK='/dev/disk/by-id/md-name-localhost:127'
DOM0_VCPUS='8'
PRODUCT_VERSION='8.2.1'
DOM0_MEM='2928'
CONTROL_DOMAIN_UUID='6f0c3a51-9b2e-4d7a-a1c4-3e5b2f9d8c10'
MANAGEMENT_ADDRESS_TYPE='IPv4'
COMPANY_NAME_SHORT='Open Source'
PARTITION_LAYOUT='ROOT,BACKUP,LOG,BOOT,SWAP,SR'
PRODUCT_VERSION_TEXT='8.2'
INSTALLATION_UUID='d2a7e8b4-5c19-4f63-8e0a-71b9c4d3e2f5'
PRODUCT_BRAND='XCP-ng'
PRODUCT_VERSION_TEXT_SHORT='8.2'
MANAGEMENT_INTERFACE='xenbr0'
PRODUCT_NAME='xenenterprise'
BUILD_NUMBER='release/yangtze/master/58'
PLATFORM_VERSION='3.2.1'
PLATFORM_NAME='XCP'
BACKUP_PARTITION='/dev/disk/by-id/md-name-localhost:127-part2'
INSTALLATION_DATE='2022-03-14 10:27:41.512873'
COMPANY_NAME='Open Source'
XSRAID_EOF
  if sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/etc/xensource-inventory < "$XS_INPUT"/rewrite-inventory.1; then
    skip '/mnt/xsraid-root/etc/xensource-inventory has the new content'
  else
    sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /mnt/xsraid-root/etc/xensource-inventory < "$XS_INPUT"/rewrite-inventory.1
  fi
  sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /mnt/xsraid-root/etc/xensource-inventory < "$XS_INPUT"/rewrite-inventory.1 || fail rewrite-inventory '/mnt/xsraid-root/etc/xensource-inventory has the new content'

  # --- rebuild-initrd: Rebuild the initrd inside the new root
  # Why: The initrd must assemble /dev/md127 before it can mount /; it is made after mdadm.conf and the dracut configuration.
  # WRITES /dev/sdb
  step rebuild-initrd 'Rebuild the initrd inside the new root'
  if sh -c '[ -s "$1" ] && ! [ "$2" -nt "$1" ]' sh /mnt/xsraid-root/boot/initrd-4.19.0+1.img /mnt/xsraid-root/etc/mdadm.conf; then
    skip '/boot/initrd-4.19.0+1.img on the new root is not older than its /etc/mdadm.conf'
  else
    sh -c 'r=$1; shift; for d in sys proc dev; do umount "$r/$d" 2>/dev/null; done; mount --bind /dev "$r/dev" && mount -t proc proc "$r/proc" && mount -t sysfs sysfs "$r/sys" && chroot "$r" "$@"; rc=$?; for d in sys proc dev; do umount "$r/$d" 2>/dev/null; done; exit $rc' sh /mnt/xsraid-root dracut -f /boot/initrd-4.19.0+1.img 4.19.0+1
  fi
  sh -c '[ -s "$1" ] && ! [ "$2" -nt "$1" ]' sh /mnt/xsraid-root/boot/initrd-4.19.0+1.img /mnt/xsraid-root/etc/mdadm.conf || fail rebuild-initrd '/boot/initrd-4.19.0+1.img on the new root is not older than its /etc/mdadm.conf'

  # --- install-grub-target: Install GRUB's boot code on /dev/sdb
  # Why: As the installer does for each member of md127: run in the new root, grub-install puts boot.img into the disk's MBR and core.img, which finds /boot inside md127, into the BIOS boot partition.
  # WRITES /dev/sdb
  step install-grub-target 'Install GRUB'\''s boot code on /dev/sdb'
  if sh -c 'dd if="$1" bs=440 count=1 2>/dev/null | tr -d '\''\000'\'' | grep -q '\''GRUB GeomHard DiskRead Error'\''' sh /dev/sdb; then
    skip '/dev/sdb has GRUB'\''s boot.img in its MBR'
  else
    sh -c 'r=$1; shift; for d in sys proc dev; do umount "$r/$d" 2>/dev/null; done; mount --bind /dev "$r/dev" && mount -t proc proc "$r/proc" && mount -t sysfs sysfs "$r/sys" && chroot "$r" "$@"; rc=$?; for d in sys proc dev; do umount "$r/$d" 2>/dev/null; done; exit $rc' sh /mnt/xsraid-root grub-install '--target=i386-pc' /dev/sdb
  fi
  sh -c 'dd if="$1" bs=440 count=1 2>/dev/null | tr -d '\''\000'\'' | grep -q '\''GRUB GeomHard DiskRead Error'\''' sh /dev/sdb || fail install-grub-target '/dev/sdb has GRUB'\''s boot.img in its MBR'

  # --- stage-one-shot-initrd: Put the mirror's initrd beside the old one
  # Why: The one-shot entry boots the original disk's Xen and kernel with the new initrd, which assembles md127.
  # WRITES /dev/sda
  step stage-one-shot-initrd 'Put the mirror'\''s initrd beside the old one'
  if cmp -s /mnt/xsraid-root/boot/initrd-4.19.0+1.img /boot/xsraid-initrd.img; then
    skip '/boot/xsraid-initrd.img is the new initrd'
  else
    cp /mnt/xsraid-root/boot/initrd-4.19.0+1.img /boot/xsraid-initrd.img
  fi
  cmp -s /mnt/xsraid-root/boot/initrd-4.19.0+1.img /boot/xsraid-initrd.img || fail stage-one-shot-initrd '/boot/xsraid-initrd.img is the new initrd'

  # --- add-one-shot-entry: Add the boot entry 'xsraid' to the original disk
  # Why: An extra last entry (index 5) with LABEL=xsraid-ldcrnite, rd.auto and rd.shell=0 rd.emergency=reboot panic=30; it clears override_entry when it boots. The default entry stays the old system, which is the roll-back point.
  # WRITES /dev/sda
  step add-one-shot-entry 'Add the boot entry '\''xsraid'\'' to the original disk'
  cat > "$XS_INPUT"/add-one-shot-entry.1 <<'XSRAID_EOF'
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set default=0
set timeout=5
if [ -s $prefix/grubenv ]; then
	load_env
fi
if [ -n "$override_entry" ]; then
	set default=$override_entry
fi
menuentry 'XCP-ng' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G console=vga vga=mode-0x0311
	module2 /boot/vmlinuz-4.19-xen root=LABEL=root-qkvmzt ro nolvm hpet=disable console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng (Serial)' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz com1=115200,8n1 console=com1,vga dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-4.19-xen root=LABEL=root-qkvmzt ro nolvm hpet=disable console=tty0 console=hvc0
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng in Safe Mode' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz nosmp noreboot noirqbalance no-mce no-bootscrub no-numa no-hap no-mmcfg max_cstate=0 nmi=ignore allow_unsafe dom0_mem=2928M,max:2928M com1=115200,8n1 console=com1,vga
	module2 /boot/vmlinuz-4.19-xen earlyprintk=xen root=LABEL=root-qkvmzt ro nolvm hpet=disable console=tty0 console=hvc0
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng (Xen 4.13.5 / Linux 4.19.0+1)' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen-fallback.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-fallback root=LABEL=root-qkvmzt ro nolvm hpet=disable console=hvc0 console=tty0
	module2 /boot/initrd-fallback.img
}
menuentry 'XCP-ng (Serial, Xen 4.13.5 / Linux 4.19.0+1)' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen-fallback.gz com1=115200,8n1 console=com1,vga dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-fallback root=LABEL=root-qkvmzt ro nolvm hpet=disable console=tty0 console=hvc0
	module2 /boot/initrd-fallback.img
}
menuentry 'xsraid' {
	unset override_entry
	save_env override_entry
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G console=vga vga=mode-0x0311
	module2 /boot/vmlinuz-4.19-xen root=LABEL=xsraid-ldcrnite ro nolvm hpet=disable rd.auto console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles rd.shell=0 rd.emergency=reboot panic=30
	module2 /boot/xsraid-initrd.img
}
XSRAID_EOF
  if sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /boot/grub/grub.cfg < "$XS_INPUT"/add-one-shot-entry.1; then
    skip '/boot/grub/grub.cfg has the new content'
  else
    sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /boot/grub/grub.cfg < "$XS_INPUT"/add-one-shot-entry.1
  fi
  sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /boot/grub/grub.cfg < "$XS_INPUT"/add-one-shot-entry.1 || fail add-one-shot-entry '/boot/grub/grub.cfg has the new content'

  # --- unmount-new-root: Unmount the new root
  # Why: Everything is written; the array's filesystem is clean for the reboot.
  step unmount-new-root 'Unmount the new root'
  sh -c 'if awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts; then sync; umount "$1"; fi' sh /mnt/xsraid-root-src
  sh -c 'if awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts; then sync; umount "$1"; fi' sh /mnt/xsraid-root

  # --- arm-one-shot: Arm 'xsraid' for the next boot only
  # Why: grubenv's override_entry=5, as XCP-ng's own one-shot boot sets it: GRUB boots that entry, which clears the variable, so the boot after that is the default again and a mirror that does not come up rolls back by itself.
  # WRITES /dev/sda
  step arm-one-shot 'Arm '\''xsraid'\'' for the next boot only'
  if sh -c '[ -f "$1" ] || exit 2; grep -a -q -x -F "$2" "$1"' sh /boot/grub/grubenv 'override_entry=5'; then
    skip ''\''xsraid'\'' is armed for the next boot (grubenv override_entry=5)'
  else
    sh -c 'h=$(printf '\''# GRUB Environment Block\n%s'\'' "$2"); n=$((1024 - ${#h} - 1)); { printf '\''%s\n'\'' "$h"; head -c "$n" /dev/zero | tr '\''\000'\'' '\''#'\''; } > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /boot/grub/grubenv 'override_entry=5'
  fi
  sh -c '[ -f "$1" ] || exit 2; grep -a -q -x -F "$2" "$1"' sh /boot/grub/grubenv 'override_entry=5' || fail arm-one-shot ''\''xsraid'\'' is armed for the next boot (grubenv override_entry=5)'

  # STOP POINT: Reboot into the mirror. The stop point: the host reboots once, with no console or BIOS change; xsraid waits for it and checks where / is.
  echo 'Phase 1 is done. The host now reboots once into the mirror; if that boot fails it comes back on the old system.'
  echo 'When it is back, run this script again to continue with phase 2.'
  reboot
  exit 0
fi

# ===== Phase 2: / runs from the mirror; the original disk /dev/sda joins it =====

# --- verify-root-on-array: Check that / is /dev/md127p1
# Why: Nothing touches the original disk unless the host really runs from the mirror; otherwise this is a roll-back.
step verify-root-on-array 'Check that / is /dev/md127p1'
sh -c '[ -b "$1" ] && [ "$(stat -c %d /)" = "$(( 0x$(stat -L -c %t "$1") * 256 + 0x$(stat -L -c %T "$1") ))" ]' sh /dev/md127p1 || fail verify-root-on-array '/ is on /dev/md127p1'

# --- make-mirror-default: Make the mirror the default boot of the original disk
# Why: Until the original disk is wiped, a reboot must come back on the mirror, not on the old root.
# WRITES /dev/sda
step make-mirror-default 'Make the mirror the default boot of the original disk'
cat > "$XS_INPUT"/make-mirror-default.1 <<'XSRAID_EOF'
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set default=5
set timeout=5
if [ -s $prefix/grubenv ]; then
	load_env
fi
if [ -n "$override_entry" ]; then
	set default=$override_entry
fi
menuentry 'XCP-ng' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G console=vga vga=mode-0x0311
	module2 /boot/vmlinuz-4.19-xen root=LABEL=root-qkvmzt ro nolvm hpet=disable console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng (Serial)' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz com1=115200,8n1 console=com1,vga dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-4.19-xen root=LABEL=root-qkvmzt ro nolvm hpet=disable console=tty0 console=hvc0
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng in Safe Mode' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz nosmp noreboot noirqbalance no-mce no-bootscrub no-numa no-hap no-mmcfg max_cstate=0 nmi=ignore allow_unsafe dom0_mem=2928M,max:2928M com1=115200,8n1 console=com1,vga
	module2 /boot/vmlinuz-4.19-xen earlyprintk=xen root=LABEL=root-qkvmzt ro nolvm hpet=disable console=tty0 console=hvc0
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng (Xen 4.13.5 / Linux 4.19.0+1)' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen-fallback.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-fallback root=LABEL=root-qkvmzt ro nolvm hpet=disable console=hvc0 console=tty0
	module2 /boot/initrd-fallback.img
}
menuentry 'XCP-ng (Serial, Xen 4.13.5 / Linux 4.19.0+1)' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen-fallback.gz com1=115200,8n1 console=com1,vga dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-fallback root=LABEL=root-qkvmzt ro nolvm hpet=disable console=tty0 console=hvc0
	module2 /boot/initrd-fallback.img
}
menuentry 'xsraid' {
	unset override_entry
	save_env override_entry
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G console=vga vga=mode-0x0311
	module2 /boot/vmlinuz-4.19-xen root=LABEL=xsraid-ldcrnite ro nolvm hpet=disable rd.auto console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles rd.shell=0 rd.emergency=reboot panic=30
	module2 /boot/xsraid-initrd.img
}
XSRAID_EOF
if sh -c '[ ! -b "$3" ] || mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md127 /dev/sda /dev/sda1; then
  skip '/dev/sda1 is gone or /dev/sda is a member of /dev/md127'
else
  sh -c 'mkdir -p "$2" && { awk -v m="$2" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts || mount "$1" "$2"; }' sh /dev/sda1 /mnt/xsraid-root-old
  sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /mnt/xsraid-root-old/boot/grub/grub.cfg < "$XS_INPUT"/make-mirror-default.1
  sh -c 'if awk -v m="$1" '\''$2 == m {f=1} END {exit !f}'\'' /proc/mounts; then sync; umount "$1"; fi' sh /mnt/xsraid-root-old
fi

# --- pv-create-storage: Make /dev/md127p3 an LVM physical volume
# Why: It takes the volume group VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36; its metadata area is as large as the old PV's, so the VG's metadata fits on it.
# WRITES /dev/md127p3
step pv-create-storage 'Make /dev/md127p3 an LVM physical volume'
if sh -c 'pvs --noheadings -o pv_name "$1" >/dev/null 2>&1' sh /dev/md127p3; then
  skip '/dev/md127p3 is an LVM physical volume'
else
  pvcreate '--metadatasize=11260k' /dev/md127p3
fi
sh -c 'pvs --noheadings -o pv_name "$1" >/dev/null 2>&1' sh /dev/md127p3 || fail pv-create-storage '/dev/md127p3 is an LVM physical volume'

# --- vg-extend-storage: Add /dev/md127p3 to the volume group VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36
# Why: pvmove moves extents only between PVs of the same volume group.
# WRITES /dev/md127p3
step vg-extend-storage 'Add /dev/md127p3 to the volume group VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36'
if sh -c '[ "$(pvs --noheadings -o vg_name "$2" 2>/dev/null | tr -d '\'' '\'')" = "$1" ]' sh VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 /dev/md127p3; then
  skip '/dev/md127p3 is a physical volume of VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36'
else
  vgextend VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 /dev/md127p3
fi
sh -c '[ "$(pvs --noheadings -o vg_name "$2" 2>/dev/null | tr -d '\'' '\'')" = "$1" ]' sh VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 /dev/md127p3 || fail vg-extend-storage '/dev/md127p3 is a physical volume of VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36'

# --- pv-move-storage: Move VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 from /dev/sda3 to /dev/md127p3 (pvmove, online)
# Why: LVM mirrors each segment to the array and switches it over while the VMs keep running; xsraid shows its progress (lvs copy_percent). Meanwhile LVM refuses to resize or snapshot a volume being moved: leave VDI snapshots and resizes until it is done. LVM records the move in the VG's metadata: after an interruption (a killed run, a reboot) the step runs plain `pvmove`, which continues from LVM's last checkpoint; it is never restarted or aborted (an abort would leave the VG split over both PVs).
# WRITES /dev/md127p3
step pv-move-storage 'Move VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 from /dev/sda3 to /dev/md127p3 (pvmove, online)'
if sh -c 'lvs -a --noheadings -o lv_attr "$1" 2>/dev/null | grep -q '\''^ *p'\'' && exit 1; r=$(pvs --noheadings -o vg_name,pv_pe_alloc_count --separator '\''|'\'' "$2" 2>/dev/null) || exit 0; r=$(echo "$r" | tr -d '\'' '\''); [ "${r%%|*}" != "$1" ] || [ "${r##*|}" = 0 ]' sh VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 /dev/sda3; then
  skip 'nothing of VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 is left on /dev/sda3 and no pvmove is in progress'
else
  sh -c 'if lvs -a --noheadings -o lv_attr "$1" 2>/dev/null | grep -q '\''^ *p'\''; then pvmove -i 10; else pvmove -i 10 "$2" "$3"; fi' sh VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 /dev/sda3 /dev/md127p3
fi
sh -c 'lvs -a --noheadings -o lv_attr "$1" 2>/dev/null | grep -q '\''^ *p'\'' && exit 1; r=$(pvs --noheadings -o vg_name,pv_pe_alloc_count --separator '\''|'\'' "$2" 2>/dev/null) || exit 0; r=$(echo "$r" | tr -d '\'' '\''); [ "${r%%|*}" != "$1" ] || [ "${r##*|}" = 0 ]' sh VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 /dev/sda3 || fail pv-move-storage 'nothing of VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 is left on /dev/sda3 and no pvmove is in progress'

# --- vg-reduce-storage: Take /dev/sda3 out of the volume group VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36
# Why: It holds no extent any more; the VG then lives on the mirror alone.
# WRITES /dev/sda3
step vg-reduce-storage 'Take /dev/sda3 out of the volume group VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36'
if sh -c '[ "$(pvs --noheadings -o pv_name,vg_name --separator '\''|'\'' 2>/dev/null | tr -d '\'' '\'' | awk -F'\''|'\'' -v vg="$1" '\''$2 == vg {print $1}'\'')" = "$2" ]' sh VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 /dev/md127p3; then
  skip 'VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 is only on /dev/md127p3'
else
  vgreduce VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 /dev/sda3
fi
sh -c '[ "$(pvs --noheadings -o pv_name,vg_name --separator '\''|'\'' 2>/dev/null | tr -d '\'' '\'' | awk -F'\''|'\'' -v vg="$1" '\''$2 == vg {print $1}'\'')" = "$2" ]' sh VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 /dev/md127p3 || fail vg-reduce-storage 'VG_XenStorage-3c8f5b2e-1a7d-4e6b-9c04-5d2e8f1a7b36 is only on /dev/md127p3'

# --- pv-remove-storage: Remove the LVM label from /dev/sda3
# Why: No stale copy of the PV may be found when the partition joins the array (it is wiped there too).
# WRITES /dev/sda3
step pv-remove-storage 'Remove the LVM label from /dev/sda3'
if sh -c '! pvs --noheadings -o pv_name "$1" >/dev/null 2>&1' sh /dev/sda3; then
  skip '/dev/sda3 is no LVM physical volume'
else
  pvremove /dev/sda3
fi
sh -c '! pvs --noheadings -o pv_name "$1" >/dev/null 2>&1' sh /dev/sda3 || fail pv-remove-storage '/dev/sda3 is no LVM physical volume'

# --- wipe-source: Wipe /dev/sda's partition table and signatures
# Why: It joins /dev/md127 as a whole disk, as the installer's members are; its old table and filesystems must not be seen beside the array's. It refuses while anything on /dev/sda is mounted or swap.
# WRITES /dev/sda
step wipe-source 'Wipe /dev/sda'\''s partition table and signatures'
if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md127 /dev/sda; then
  skip '/dev/sda is a member of /dev/md127'
else
  sh -c '! awk -v d="$1" '\''index($1, d) == 1 {f=1} END {exit !f}'\'' /proc/mounts /proc/swaps' sh /dev/sda
  sh -c 'dev=$1; mdadm --zero-superblock --force "$dev" >/dev/null 2>&1; size=$(blockdev --getsz "$dev") || exit 1; n=2048; [ "$size" -lt $n ] && n=$size; dd if=/dev/zero of="$dev" bs=512 count=$n conv=notrunc 2>/dev/null && dd if=/dev/zero of="$dev" bs=512 seek=$((size - n)) count=$n conv=notrunc 2>/dev/null' sh /dev/sda
  sgdisk --zap-all /dev/sda
  sh -c 'settle() { udevadm settle >/dev/null 2>&1 || udevsettle >/dev/null 2>&1 || sleep 1; }; i=1; while settle; ! blockdev --rereadpt "$1"; do [ $i -lt 10 ] || exit 1; i=$((i + 1)); sleep 1; done; settle' sh /dev/sda
fi
sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\'' || [ -z "$(sgdisk -p "$2" 2>/dev/null | awk '\''$1 ~ /^[0-9]+$/'\'')" ]' sh /dev/md127 /dev/sda || fail wipe-source '/dev/sda has no partition table of its own (or is a member of /dev/md127)'

# --- join-md127: Add /dev/sda to /dev/md127
# Why: The whole disk joins; the mirror copies onto it from its first sector.
# WRITES /dev/sda
step join-md127 'Add /dev/sda to /dev/md127'
if sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md127 /dev/sda; then
  skip '/dev/sda is a member of /dev/md127'
else
  mdadm /dev/md127 --add /dev/sda
fi
sh -c 'mdadm --detail "$1" 2>/dev/null | awk -v m="$2" '\''$1 == "State" && $2 == ":" && $3 == "inactive" {off=1} $NF == m {f=1} END {exit !(f && !off)}'\''' sh /dev/md127 /dev/sda || fail join-md127 '/dev/sda is a member of /dev/md127'

# --- raise-resync-speed: Raise the resync speed floor
# Why: speed_limit_min 100000 KB/s so the resync is not starved; restored afterwards.
step raise-resync-speed 'Raise the resync speed floor'
if sh -c 'for md in "$@"; do s=$(mdadm --detail "$md" 2>/dev/null) || exit 1; echo "$s" | grep -Eq '\''State : (clean|active)[ ,]*$'\'' || exit 1; done' sh /dev/md127; then
  skip '/dev/md127 is clean with both members'
else
  sh -c 'echo "$1" > /proc/sys/dev/raid/speed_limit_min' sh 100000
fi

# --- wait-resync: Wait for the resync
# Why: The original disk holds a full copy only when /dev/md127 is clean. A reset before the resync has passed the BIOS boot partition leaves /dev/sda without GRUB's core.img: boot /dev/sdb (see the notes).
step wait-resync 'Wait for the resync'
if sh -c 'for md in "$@"; do s=$(mdadm --detail "$md" 2>/dev/null) || exit 1; echo "$s" | grep -Eq '\''State : (clean|active)[ ,]*$'\'' || exit 1; done' sh /dev/md127; then
  skip '/dev/md127 is clean with both members'
else
  sh -c 'mdadm --wait "$@" >/dev/null 2>&1; exit 0' sh /dev/md127
fi
sh -c 'for md in "$@"; do s=$(mdadm --detail "$md" 2>/dev/null) || exit 1; echo "$s" | grep -Eq '\''State : (clean|active)[ ,]*$'\'' || exit 1; done' sh /dev/md127 || fail wait-resync '/dev/md127 is clean with both members'

# --- restore-resync-speed: Restore the resync speed floor
# Why: Back to the host's own setting.
step restore-resync-speed 'Restore the resync speed floor'
sh -c 'echo "$1" > /proc/sys/dev/raid/speed_limit_min' sh 1000

# --- install-grub-source: Install GRUB's boot code on /dev/sda
# Why: The resync has copied the target's boot code already (it is inside the array's data); grub-install on the member, as the installer runs it, makes sure.
# WRITES /dev/sda
step install-grub-source 'Install GRUB'\''s boot code on /dev/sda'
if sh -c 'dd if="$1" bs=440 count=1 2>/dev/null | tr -d '\''\000'\'' | grep -q '\''GRUB GeomHard DiskRead Error'\''' sh /dev/sda; then
  skip '/dev/sda has GRUB'\''s boot.img in its MBR'
else
  grub-install '--target=i386-pc' /dev/sda
fi
sh -c 'dd if="$1" bs=440 count=1 2>/dev/null | tr -d '\''\000'\'' | grep -q '\''GRUB GeomHard DiskRead Error'\''' sh /dev/sda || fail install-grub-source '/dev/sda has GRUB'\''s boot.img in its MBR'

# --- restore-label-logs: Give /dev/md127p5 its label logs-qkvmzt back
# Why: The old disk's copy is gone, so the label is unambiguous again; the installer and its upgrades find the install by these labels. udev is told, so /dev/disk/by-label has it at once.
# WRITES /dev/md127p5
step restore-label-logs 'Give /dev/md127p5 its label logs-qkvmzt back'
if sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p5 logs-qkvmzt; then
  skip '/dev/md127p5 is labelled logs-qkvmzt'
else
  e2label /dev/md127p5 logs-qkvmzt
  sh -c 'command -v udevadm >/dev/null 2>&1 || exit 0
udevadm trigger --action=change --subsystem-match=block --sysname-match="$(basename "$(readlink -f "$1")")" && udevadm settle --timeout=60
exit 0' sh /dev/md127p5
fi
sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p5 logs-qkvmzt || fail restore-label-logs '/dev/md127p5 is labelled logs-qkvmzt'

# --- restore-label-root: Give /dev/md127p1 its label root-qkvmzt back
# Why: The old disk's copy is gone, so the label is unambiguous again; the installer and its upgrades find the install by these labels. udev is told, so /dev/disk/by-label has it at once.
# WRITES /dev/md127p1
step restore-label-root 'Give /dev/md127p1 its label root-qkvmzt back'
if sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p1 root-qkvmzt; then
  skip '/dev/md127p1 is labelled root-qkvmzt'
else
  e2label /dev/md127p1 root-qkvmzt
  sh -c 'command -v udevadm >/dev/null 2>&1 || exit 0
udevadm trigger --action=change --subsystem-match=block --sysname-match="$(basename "$(readlink -f "$1")")" && udevadm settle --timeout=60
exit 0' sh /dev/md127p1
fi
sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p1 root-qkvmzt || fail restore-label-root '/dev/md127p1 is labelled root-qkvmzt'

# --- restore-label-swap: Give /dev/md127p6 its label swap-qkvmzt back
# Why: The old disk's copy is gone, so the label is unambiguous again; the installer and its upgrades find the install by these labels. udev is told, so /dev/disk/by-label has it at once. Swap in use is turned off for the relabel (on again once fstab names the label: activate-swap).
# WRITES /dev/md127p6
step restore-label-swap 'Give /dev/md127p6 its label swap-qkvmzt back'
if sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p6 swap-qkvmzt; then
  skip '/dev/md127p6 is labelled swap-qkvmzt'
else
  sh -c 'if awk -v d="$(readlink -f "$1")" '\''NR > 1 && $1 == d {f=1} END {exit !f}'\'' /proc/swaps; then swapoff "$1" || exit 1; fi
swaplabel -L "$2" "$1"' sh /dev/md127p6 swap-qkvmzt
  sh -c 'command -v udevadm >/dev/null 2>&1 || exit 0
udevadm trigger --action=change --subsystem-match=block --sysname-match="$(basename "$(readlink -f "$1")")" && udevadm settle --timeout=60
exit 0' sh /dev/md127p6
fi
sh -c '[ "$(blkid -c /dev/null -o value -s LABEL "$1" 2>/dev/null)" = "$2" ]' sh /dev/md127p6 swap-qkvmzt || fail restore-label-swap '/dev/md127p6 is labelled swap-qkvmzt'

# --- restore-fstab: Give /etc/fstab its original labels back
# Why: The host's own fstab, as the installer wrote it.
# WRITES /dev/md127p1
step restore-fstab 'Give /etc/fstab its original labels back'
cat > "$XS_INPUT"/restore-fstab.1 <<'XSRAID_EOF'
LABEL=root-qkvmzt    /         ext3     defaults   1  1
LABEL=swap-qkvmzt          swap      swap   defaults   0  0
LABEL=logs-qkvmzt    /var/log         ext3     defaults   0  2
XSRAID_EOF
if sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /etc/fstab < "$XS_INPUT"/restore-fstab.1; then
  skip '/etc/fstab has the new content'
else
  sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /etc/fstab < "$XS_INPUT"/restore-fstab.1
fi
sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /etc/fstab < "$XS_INPUT"/restore-fstab.1 || fail restore-fstab '/etc/fstab has the new content'

# --- activate-swap: Turn swap on /dev/md127p6 on again
# Why: As the host's boot does: under systemd through the swap unit of the fstab entry (daemon-reload first), so that systemd's view of the swap stays its own and the next shutdown turns it off cleanly; else swapon.
step activate-swap 'Turn swap on /dev/md127p6 on again'
if sh -c 'awk -v d="$(readlink -f "$1")" '\''NR > 1 && $1 == d {f=1} END {exit !f}'\'' /proc/swaps' sh /dev/md127p6; then
  skip '/dev/md127p6 is an active swap area'
else
  sh -c 'if [ -d /run/systemd/system ] && command -v systemd-escape >/dev/null 2>&1; then
  systemctl daemon-reload && systemctl start "$(systemd-escape -p --suffix=swap "$2")" && exit 0
fi
swapon "$1"' sh /dev/md127p6 /dev/disk/by-label/swap-qkvmzt
fi
sh -c 'awk -v d="$(readlink -f "$1")" '\''NR > 1 && $1 == d {f=1} END {exit !f}'\'' /proc/swaps' sh /dev/md127p6 || fail activate-swap '/dev/md127p6 is an active swap area'

# --- restore-boot-config: Point every boot entry at root-qkvmzt
# Why: /boot/grub/grub.cfg as the installer writes it for a RAID install: the original label and rd.auto.
# WRITES /dev/md127p1
step restore-boot-config 'Point every boot entry at root-qkvmzt'
cat > "$XS_INPUT"/restore-boot-config.1 <<'XSRAID_EOF'
serial --unit=0 --speed=115200
terminal_input serial console
terminal_output serial console
set default=0
set timeout=5
menuentry 'XCP-ng' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G console=vga vga=mode-0x0311
	module2 /boot/vmlinuz-4.19-xen root=LABEL=root-qkvmzt ro nolvm hpet=disable rd.auto console=hvc0 console=tty0 quiet vga=785 splash plymouth.ignore-serial-consoles
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng (Serial)' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz com1=115200,8n1 console=com1,vga dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-4.19-xen root=LABEL=root-qkvmzt ro nolvm hpet=disable rd.auto console=tty0 console=hvc0
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng in Safe Mode' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen.gz nosmp noreboot noirqbalance no-mce no-bootscrub no-numa no-hap no-mmcfg max_cstate=0 nmi=ignore allow_unsafe dom0_mem=2928M,max:2928M com1=115200,8n1 console=com1,vga
	module2 /boot/vmlinuz-4.19-xen earlyprintk=xen root=LABEL=root-qkvmzt ro nolvm hpet=disable rd.auto console=tty0 console=hvc0
	module2 /boot/initrd-4.19-xen.img
}
menuentry 'XCP-ng (Xen 4.13.5 / Linux 4.19.0+1)' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen-fallback.gz dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-fallback root=LABEL=root-qkvmzt ro nolvm hpet=disable rd.auto console=hvc0 console=tty0
	module2 /boot/initrd-fallback.img
}
menuentry 'XCP-ng (Serial, Xen 4.13.5 / Linux 4.19.0+1)' {
	search --label --set root root-qkvmzt
	multiboot2 /boot/xen-fallback.gz com1=115200,8n1 console=com1,vga dom0_mem=2928M,max:2928M watchdog ucode=scan dom0_max_vcpus=1-8 crashkernel=256M,below=4G
	module2 /boot/vmlinuz-fallback root=LABEL=root-qkvmzt ro nolvm hpet=disable rd.auto console=tty0 console=hvc0
	module2 /boot/initrd-fallback.img
}
XSRAID_EOF
if sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /boot/grub/grub.cfg < "$XS_INPUT"/restore-boot-config.1; then
  skip '/boot/grub/grub.cfg has the new content'
else
  sh -c 'cat > "$1.xsraid-new" && mv -f "$1.xsraid-new" "$1"' sh /boot/grub/grub.cfg < "$XS_INPUT"/restore-boot-config.1
fi
sh -c '[ -f "$1" ] && cat | cmp -s - "$1"' sh /boot/grub/grub.cfg < "$XS_INPUT"/restore-boot-config.1 || fail restore-boot-config '/boot/grub/grub.cfg has the new content'

# --- verify-mirror: Verify the mirror
# Why: /dev/md127 clean with both members, GRUB's boot code on both disks, mdadm.conf lists /dev/md127 by UUID, the initrd holds raid1 and mdadm.conf, / inside the array.
step verify-mirror 'Verify the mirror'
sh -c 'for md in "$@"; do s=$(mdadm --detail "$md" 2>/dev/null) || exit 1; echo "$s" | grep -Eq '\''State : (clean|active)[ ,]*$'\'' || exit 1; done' sh /dev/md127
sh -c 'dd if="$1" bs=440 count=1 2>/dev/null | tr -d '\''\000'\'' | grep -q '\''GRUB GeomHard DiskRead Error'\''' sh /dev/sda
sh -c 'dd if="$1" bs=440 count=1 2>/dev/null | tr -d '\''\000'\'' | grep -q '\''GRUB GeomHard DiskRead Error'\''' sh /dev/sdb
sh -c 'conf=$1; shift; [ -f "$conf" ] || exit 1; for md in "$@"; do u=$(mdadm --detail --brief "$md" 2>/dev/null | sed -n '\''s/.*UUID=\([0-9a-fA-F:]*\).*/\1/p'\''); [ -n "$u" ] && grep -qi "UUID=$u" "$conf" || exit 1; done' sh /etc/mdadm.conf /dev/md127
sh -c 'l=$(lsinitrd "$1") && echo "$l" | grep -q '\''raid1.ko'\'' && echo "$l" | grep -q '\''etc/mdadm.conf'\''' sh /boot/initrd-4.19.0+1.img
sh -c '[ -b "$1" ] && [ "$(stat -c %d /)" = "$(( 0x$(stat -L -c %t "$1") * 256 + 0x$(stat -L -c %T "$1") ))" ]' sh /dev/md127p1

echo 'xsraid script: all steps done.'
