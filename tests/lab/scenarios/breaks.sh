# shellcheck shell=bash
# tests/lab/scenarios/breaks.sh: fault injection, only to see the scenarios' checks fail when what they check is
# broken. LAB_BREAK is a comma-separated list of:
#   mbr-a     disk A's boot code (first 440 bytes) zeroed: in the lose-b clone before it boots (it must not boot),
#             and on a converted host just before its end-state checks ("gptmbr.bin in both MBRs" must fail)
#   mbr-b     the same for disk B (lose-a must not boot)
#   marker    one marker file changed in the guest just before its marker check ("markers intact" must fail)
#   write-b   3 bytes written to disk B after the first refused run ("both disks unchanged" must fail)
#   write-a   3 bytes written to disk A's partition 2 after the roll-back ("nothing written outside partition 1")

breaking() { [[ ",${LAB_BREAK:-}," == *",$1,"* ]]; }

# lab_break_before_boot VM KEPT: on the clone's overlay of the disk that stays (a or b), before its boot.
lab_break_before_boot() {
  breaking "mbr-$2" || return 0
  qemu-io -f qcow2 -c 'write -z 0 440' "$LAB_VMS/$1/$2.qcow2" >/dev/null
  note "LAB_BREAK=mbr-$2: the first 440 bytes of disk $2 zeroed before the boot"
}

# lab_break_in_guest VM: on a converted host, just before its end-state checks.
lab_break_in_guest() {
  local d
  if breaking mbr-a; then
    d=$(disk_of "$1" a) || return 1
    # shellcheck disable=SC2029 # meant to expand here
    vssh "$1" "dd if=/dev/zero of=/dev/$d bs=440 count=1 conv=notrunc,fsync 2>/dev/null"
    note "LAB_BREAK=mbr-a: disk A's boot code zeroed before the checks"
  fi
  lab_break_marker "$1"
}

# lab_break_marker VM: one marker file changed, just before the marker check.
lab_break_marker() {
  breaking marker || return 0
  # shellcheck disable=SC2016 # expanded in the guest
  vssh "$1" 'f=$(find /srv/markers -type f -size +0 | sort | head -n 1); printf x | dd of="$f" bs=1 count=1 conv=notrunc 2>/dev/null; sync'
  note "LAB_BREAK=marker: the first byte of a marker file changed before the checks"
}

# lab_break_after_run VM: refusals, once, after the first refused run.
lab_break_after_run() {
  breaking write-b && [ ! -e "$SCN_DIR/broken" ] || return 0
  touch "$SCN_DIR/broken"
  # shellcheck disable=SC2029 # meant to expand here
  vssh "$1" "printf lab | dd of=$(target_b "$1") bs=512 seek=4096 conv=notrunc,fsync 2>/dev/null"
  note "LAB_BREAK=write-b: 3 bytes written to disk B after the run"
}

# lab_break_disk_a VM: rollback, after the roll-back: a write to disk A's partition 2.
lab_break_disk_a() {
  breaking write-a || return 0
  local d; d=$(disk_of "$1" a) || return 1
  # shellcheck disable=SC2029 # meant to expand here
  vssh "$1" "printf lab | dd of=/dev/${d}2 bs=512 seek=8 conv=notrunc,fsync 2>/dev/null"
  note "LAB_BREAK=write-a: 3 bytes written to disk A's partition 2 after the roll-back"
}
