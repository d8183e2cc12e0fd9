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
