# shellcheck shell=bash
# shellcheck disable=SC2154 # $out is set by the builder that sources this file
# Shared helpers of the make-*.sh sample builders (sourced, not run). A sample is a snapshot directory as
# `xsraid snapshot --save --compress` writes it: disks/<name>/{regions.txt,bytes-*.bin.gz,partitions.txt,sys.txt},
# files/, commands/, by-id.txt, meta.txt, tools.txt. The builder sets $out (the sample directory) first.

# region DISK IMAGE OFFSET_SECTORS COUNT_SECTORS: one captured region, gzip -n (no name, no time: same bytes on
# every run); an empty IMAGE captures zeros (a blank disk). Appends to the disk's regions.txt.
region() {
  local f="bytes-$(( $3 * 512 )).bin.gz"
  if [ -n "$2" ]; then dd if="$2" bs=512 skip="$3" count="$4" 2>/dev/null; else head -c $(( $4 * 512 )) /dev/zero; fi \
    | gzip -9 -n > "$out/disks/$1/$f"
  echo "$(( $3 * 512 )) $(( $4 * 512 )) $f" >> "$out/disks/$1/regions.txt"
}

# capture_disk DISK IMAGE TOTAL_SECTORS [START:SIZE ...]: what the probe reads of a disk: its first and last MiB and
# the first and last 128 KiB of each partition (given as start:size in sectors).
capture_disk() {
  local disk=$1 image=$2 total=$3 p ps pn
  shift 3
  : > "$out/disks/$disk/regions.txt"
  region "$disk" "$image" 0 2048
  for p in "$@"; do
    ps=${p%%:*} pn=${p##*:}
    region "$disk" "$image" "$ps" 256
    region "$disk" "$image" $(( ps + pn - 256 )) 256
  done
  region "$disk" "$image" $(( total - 2048 )) 2048
  sort -n -o "$out/disks/$disk/regions.txt" "$out/disks/$disk/regions.txt"
}

# st500_sys_txt DISK SERIAL TOTAL_SECTORS: the sysfs values a Seagate ST500DM002 shows (512-byte logical, 4096-byte
# physical sectors), as the probe records them in disks/DISK/sys.txt.
st500_sys_txt() {
  cat > "$out/disks/$1/sys.txt" <<SYS
device/model=ST500DM002-1BD14
device/vendor=ATA
device/wwid=t10.ATA     ST500DM002-1BD142                       $2
queue/logical_block_size=512
queue/physical_block_size=4096
queue/rotational=1
removable=0
size=$3
SYS
}

# copy_tree SRC DEST: every file under SRC into DEST, same relative paths.
copy_tree() {
  (cd "$1" && find . -type f | LC_ALL=C sort) | while read -r f; do
    mkdir -p "$(dirname "$2/${f#./}")"
    cp "$1/$f" "$2/${f#./}"
  done
}

# lvm_vg DEVICE HOSTNAME PV_UUID VG OUTDIR LV:SIZE...: DEVICE (a loop device) made a PV of VG holding the LVs
# (inactive, not zeroed), as the SR drivers make them (lvutil.createVG: pvcreate/vgcreate --metadatasize 10M, 4 MiB
# extents), on a hostname set to the host's (LVM writes it into its metadata); then LVM's own pvs, vgs,
# pvs-extents and lvs output, as probe.sh asks for them, in OUTDIR/{pvs,vgs,pvs-extents,lvs}. LVM runs with its
# own configuration: only DEVICE, no activation (the build machine may have no device-mapper), no backups.
lvm_vg() {
  local dev=$1 host=$2 pv_uuid=$3 vg=$4 outdir=$5 conf
  shift 5
  conf=$(mktemp -d)
  cat > "$conf/lvm.conf" <<CONF
devices { scan = [ "/dev" ] filter = [ "a|^$dev\$|", "r|.*|" ] obtain_device_list_from_udev = 0 external_device_info_source = "none" }
global { use_lvmlockd = 0 activation = 0 }
activation { udev_sync = 0 udev_rules = 0 monitoring = 0 }
backup { backup = 0 archive = 0 }
CONF
  # shellcheck disable=SC2016 # the inner script takes its values as arguments
  if ! LVM_SYSTEM_DIR=$conf LVM_SUPPRESS_FD_WARNINGS=1 unshare --uts sh -c '
    hostname "$1"
    pvcreate -ff -y --uuid "$3" --norestorefile --metadatasize 10M "$2"
    vgcreate --metadatasize 10M "$4" "$2"
    vg=$4 outdir=$5
    shift 5
    for lv in "$@"; do lvcreate -an -Zn -L "${lv#*:}" -n "${lv%%:*}" "$vg"; done
    pvs --noheadings --units b --nosuffix --separator "|" -o pv_name,vg_name,pv_size,pv_uuid,pv_attr > "$outdir/pvs"
    vgs --noheadings --units b --nosuffix --separator "|" -o vg_name,vg_uuid,vg_size,vg_free,pv_count,lv_count > "$outdir/vgs"
    pvs --noheadings --units b --nosuffix --separator "|" -o pv_name,vg_name,vg_extent_size,pv_pe_count,pv_pe_alloc_count,pe_start,pv_mda_size,pv_mda_free > "$outdir/pvs-extents"
    lvs -a --noheadings --separator "|" -o vg_name,lv_name,lv_attr,copy_percent,devices > "$outdir/lvs"
  ' sh "$host" "$dev" "$pv_uuid" "$vg" "$outdir" "$@" >/dev/null 2>"$conf/lvm.log"; then
    cat "$conf/lvm.log" >&2
    rm -rf "$conf"
    return 1
  fi
  rm -rf "$conf"
}

# lvm_captures OUTDIR DEVICE WORKDIR: the probe's LVM captures (commands/*.txt) from lvm_vg's output in WORKDIR, the
# loop device's name replaced by the host's DEVICE.
lvm_captures() {
  local f
  for f in pvs vgs pvs-extents lvs; do
    { echo exit=0; sed "s|/dev/loop[0-9]*|$2|g" "$3/$f"; } > "$1/commands/$f.txt"
  done
}

# xcpng_tools_txt: tools.txt of an XCP-ng 8.x dom0 (usr-merged CentOS 7 paths; rsync assumed present).
xcpng_tools_txt() {
  printf '%s\n' awk=/usr/bin/awk blkid=/usr/sbin/blkid blockdev=/usr/sbin/blockdev chroot=/usr/sbin/chroot \
    cmp=/usr/bin/cmp cp=/usr/bin/cp dd=/usr/bin/dd dracut=/usr/bin/dracut e2label=/usr/sbin/e2label \
    efibootmgr=/usr/sbin/efibootmgr grub-install=/usr/sbin/grub-install lvs=/usr/sbin/lvs mdadm=/usr/sbin/mdadm \
    mkfs.ext3=/usr/sbin/mkfs.ext3 mkfs.ext4=/usr/sbin/mkfs.ext4 mkinitrd=/usr/bin/mkinitrd mkswap=/usr/sbin/mkswap partprobe=/usr/sbin/partprobe \
    pvcreate=/usr/sbin/pvcreate pvmove=/usr/sbin/pvmove pvremove=/usr/sbin/pvremove pvs=/usr/sbin/pvs rsync=/usr/bin/rsync sfdisk=/usr/sbin/sfdisk sgdisk=/usr/sbin/sgdisk \
    sh=/usr/bin/sh stat=/usr/bin/stat swaplabel=/usr/sbin/swaplabel swapoff=/usr/sbin/swapoff swapon=/usr/sbin/swapon \
    tune2fs=/usr/sbin/tune2fs vgcreate=/usr/sbin/vgcreate vgextend=/usr/sbin/vgextend vgreduce=/usr/sbin/vgreduce vgs=/usr/sbin/vgs \
    wipefs=/usr/sbin/wipefs xe=/opt/xensource/bin/xe > "$out/tools.txt"
}
