# shellcheck shell=bash
# scenario `refusals`: hosts xsraid must refuse. Each case runs `xsraid plan` (and `xsraid convert --yes` when it
# exists): exit code 3 naming the expected rule, and both disks byte-for-byte as before.
#
# "As before" is judged outside the VM on what the guest sees, not on the qcow2 files (their bytes change when the
# guest merely runs). The guest first stops writing on its own: swap off, journald off the disk, / remounted
# read-only, sync. Then copies of both overlays are taken, xsraid runs, the guest syncs again, and
# `qemu-img compare` checks the whole virtual disks against the copies. A read-only / cannot hide a write by
# xsraid: a write to a block device still lands, a write to a file fails and xsraid would not exit 3 for it.

quiet_guest() {
  vssh "$1" 'swapoff -a && journalctl --relinquish-var && sync && mount -o remount,ro / && sync && findmnt -no OPTIONS /' \
    | grep -q '^ro,'
}

# disks_copy VM TAG / disks_same VM TAG: copies of both overlays / compare the live disks with them.
disks_copy() {
  local l
  vssh "$1" sync || return 1
  for l in a b; do cp --sparse=always "$LAB_VMS/$1/$l.qcow2" "$SCN_DIR/$2-$l.qcow2" || return 1; done
}
disks_same() {
  local l out ok=0
  vssh "$1" sync || return 1
  for l in a b; do
    out=$(qemu-img compare -U -f qcow2 -F qcow2 "$SCN_DIR/$2-$l.qcow2" "$LAB_VMS/$1/$l.qcow2" 2>&1) || { ok=1; lab_log "disk $l: $out"; }
  done
  rm -f "$SCN_DIR/$2"-?.qcow2
  return "$ok"
}

# refusal VM TAG EXIT RULE OPTIONS...: `xsraid plan` (and convert) with OPTIONS exit EXIT (and, for 3, name RULE);
# the disks are compared around each run.
refusal() {
  local vm=$1 tag=$2 want=$3 rule=$4 cmd rc
  shift 4
  for cmd in plan convert; do
    if [ "$cmd" = convert ]; then
      [ "$want" -eq 3 ] || continue              # an accepted convert would convert: only refusals run it
      convert_available || continue
    fi
    must "$tag: copies of the disks" disks_copy "$vm" "$tag" || return 1
    "lab_$cmd" "$vm" "$@" > "$SCN_DIR/$tag-$cmd.out" 2>&1
    rc=$?
    sed 's/^/    /' "$SCN_DIR/$tag-$cmd.out" | tail -n 8 >&2
    lab_break_after_run "$vm"
    if [ "$want" -eq 3 ]; then
      check "$tag: $cmd $* refused with exit 3 (exit $rc)" [ "$rc" -eq 3 ]
      check "$tag: $cmd names rule $rule" grep -q -- "$rule" "$SCN_DIR/$tag-$cmd.out"
    else
      check "$tag: $cmd $* accepted with exit $want (exit $rc)" [ "$rc" -eq "$want" ]
    fi
    check "$tag: both disks unchanged after $cmd (qemu-img compare)" disks_same "$vm" "$tag"
  done
}

scenario_refusals() {
  local vm=run-refusals
  convert_available || note "$CONVERT_MISSING: plan only"
  must "VM started" vm_fresh "$vm" || return 1
  must "VM booted (ssh)" wait_boot "$vm" 1 600 || return 1
  must "guest quiet (swap off, / read-only)" quiet_guest "$vm" || return 1
  local a b
  { a=/dev/$(disk_of "$vm" a) && b=$(target_b "$vm"); } || { fail "disks A and B not found in the guest"; return 1; }
  note "disk A = $a, disk B = $b"
  refusal "$vm" source 3 target-is-source --target "$a" --create-sr
  must "an old md superblock (1.0) on disk B" old_md_superblock "$vm" "$b" || return 1
  refusal "$vm" old-md 3 target-has-signatures --target "$b" --create-sr
  refusal "$vm" old-md-wipe 0 "" --target "$b" --create-sr --wipe-target
  "$VM" kill "$vm"

  vm=run-refusals-small
  must "VM with a 4095 MiB disk B started" vm_fresh "$vm" --b-size 4095M || return 1
  must "VM booted (ssh)" wait_boot "$vm" 1 600 || return 1
  must "guest quiet (swap off, / read-only)" quiet_guest "$vm" || return 1
  b=$(target_b "$vm") || { fail "disk B not found in the guest"; return 1; }
  refusal "$vm" small 3 target-too-small --target "$b" --create-sr
  "$VM" kill "$vm"

  vm=run-refusals-sr
  must "VM with an SR on p3 started" vm_fresh "$vm" --variant sr || return 1
  must "VM booted (ssh)" wait_boot "$vm" 1 600 || return 1
  must "guest quiet (swap off, / read-only)" quiet_guest "$vm" || return 1
  b=$(target_b "$vm") || { fail "disk B not found in the guest"; return 1; }
  refusal "$vm" sr 3 storage-partition-in-use --target "$b" --create-sr
  "$VM" kill "$vm"
  scn_passed
}
