# shellcheck shell=bash
# The SR's data through a conversion (issue #11). `convert` runs on the SR variant of the base host (p3 a PV of
# VG_XenStorage-<uuid>): before it, guest/sr-data.sh puts LV `known` (random bytes, checksum kept) and LV `writer`
# into that volume group, and starts a service that writes synced records to `writer` all through the conversion
# (phase 2 moves the volume group onto the storage array with pvmove while it writes). After the conversion, and on
# each disk booted alone, sr_data_kept checks that nothing was lost.

# sr_vg VM: the volume group of VM's base image's SR variant.
sr_vg() {
  (
    # shellcheck source=/dev/null
    source "$(vm_field "$1" VM_BASE)/info.env" && printf '%s\n' "${LAB_SR_VG:?}"
  )
}

# sr_known_file VM: where LV known's checksum is kept for VM's disks (and their clones).
sr_known_file() { printf '%s\n' "$LAB_OUT/state/sr-known-$1.sha256"; }

# sr_data_put VM [BULK_MIB]: the LVs and the writer (guest/sr-data.sh; BULK_MIB: an LV `bulk` of that size, never
# written, that pvmove still moves: it makes the move last); LV known's checksum goes to sr_known_file.
sr_data_put() {
  local vg out f; f=$(sr_known_file "$1")
  vg=$(sr_vg "$1") || return 1
  out=$(vssh "$1" "VG=$vg BULK_MIB=${2:-0} sh -s" < "$LAB_DIR/guest/sr-data.sh") || return 1
  sed -n 's/^known_sha=//p' <<< "$out" > "$f"
  [ -s "$f" ]
}

# sr_data_expected VM: whether VM's disks carry the SR data (sr_data_put ran on them).
sr_data_expected() { [ -s "$(sr_known_file "$1")" ]; }

# sr_acked VM [LOG...]: the highest record number the writer reported synced on the serial console (all of VM's
# boots, or the logs given), 0 for none.
sr_acked() {
  local logs=("${@:2}")
  [ ${#logs[@]} -gt 0 ] || logs=("$LAB_VMS/$1"/serial-*.log)
  cat "${logs[@]}" | grep -ao 'labw synced [0-9]*' | awk '$3 > m { m = $3 } END { print m + 0 }'
}

# sr_after_last_boot VM: how many records the writer reported synced since the VM's last kernel started.
sr_after_last_boot() {
  awk '/Linux version/ { n = 0 } /labw synced [0-9]+/ { n++ } END { print n + 0 }' "$LAB_VMS/$1/serial.log"
}

# sr_missing N: how many of the records 1..N are not among the rec=NUMBER lines on stdin.
sr_missing() {
  sed -n 's/^rec=//p' | awk -v n="$1" '{ have[$1] = 1 } END { m = 0; for (i = 1; i <= n; i++) if (!(i in have)) m++; print m }'
}

# md_of_partition N: the array (mdX) over partition N of the disks in $FACTS (guest facts), or nothing.
md_of_partition() {
  sed -n 's/^md=//p' <<< "$FACTS" \
    | awk -v p="$1" '{ split($3, m, ","); sub(/\(F\)$/, "", m[1]); if (m[1] ~ "^[a-z]+" p "$") print $1 }'
}

# sr_data_kept VM [SRC]: stops the writer, then checks that the SR's volume group sits on the storage array (the
# array over partition 3 in $FACTS) alone, LV known is as sr_data_put wrote it on SRC (VM's disks are SRC's or a
# clone of them; default VM), and every record the writer saw synced, on SRC's console or on VM's, is in LV writer
# (a clone's writer may not have written yet when it is stopped: it first reads the whole LV).
sr_data_kept() {
  local vm=$1 src=${2:-$1} vg out md acked missing pvs
  vg=$(sr_vg "$vm") || { fail "no SR volume group known for $vm"; return 1; }
  md=$(md_of_partition 3)
  out=$(vssh "$vm" "VG=$vg sh -s" < "$LAB_DIR/guest/sr-records.sh") || { fail "the SR's data not read in $vm"; return 1; }
  printf '%s\n' "$out" > "$SCN_DIR/sr-records.txt"
  acked=$(sr_acked "$vm" "$LAB_VMS/$vm"/serial-*.log "$LAB_VMS/$src"/serial-*.log)
  pvs=$(sed -n 's/^pv=//p' <<< "$out" | paste -sd ' ' -)
  check "the SR's volume group on the storage array /dev/${md:-?} alone (pvs: ${pvs:-none})" [ "$pvs" = "/dev/${md:-?}" ]
  check "LV known as written (sha256)" [ "$(sed -n 's/^known_sha=//p' <<< "$out")" = "$(cat "$(sr_known_file "$src")")" ]
  missing=$(sr_missing "$acked" <<< "$out")
  check "every record the writer saw synced is in LV writer (1..$acked, $missing missing)" \
    test "$acked" -gt 0 -a "$missing" -eq 0
}
