# shellcheck shell=bash
# scenario `rollback`: the mirror's first boot fails on purpose and the host must come back on its old root.
#
# The cause is put on the host before convert runs, the way a real host could carry it: an initramfs-tools boot
# script (/etc/initramfs-tools/scripts/local-top/lab-rollback-drill) that panics. The old root's own initrd was
# built before it existed, so the original boot is unaffected; phase 1 copies it to the array and rebuilds the
# array's initrd in a chroot, which then includes it, so the one-shot boot into the mirror panics and, with
# panic=30, resets; the BIOS boots disk A's default entry again: the old system. convert must report a roll-back
# (exit 1) and disk A must be unchanged but for the one-shot entry. Then the drill script is removed from the
# host and convert, run again, must complete (rsync --delete takes it off the array, the initrd is rebuilt).

DRILL=/etc/initramfs-tools/scripts/local-top/lab-rollback-drill

# disk_a_facts VM: what must not change on disk A: table, GUIDs, attributes, boot code, signatures, and whether /
# is on its partition 1 (its kernel name, which can change from boot to boot, is written as "A").
disk_a_facts() {
  local a; a=$(disk_of "$1" a) || return 1
  vssh "$1" sh -s "/dev/$a" < "$LAB_DIR/guest/disk-facts.sh" | sed "s|/dev/$a|/dev/A|g"
}

# overlay_writes_outside_p1 VM: the byte ranges the guest wrote to disk A outside partition 1 (qemu-img map of
# the top overlay: data allocated there was written since the VM was made).
overlay_writes_outside_p1() {
  # shellcheck source=/dev/null
  source "$(vm_field "$1" VM_BASE)/info.env"
  qemu-img map -U --output=json "$LAB_VMS/$1/a.qcow2" | jq -r --argjson s $(( LAB_P1_START * 512 )) \
    --argjson e $(( (LAB_P1_START + LAB_P1_SECTORS) * 512 )) \
    '.[] | select(.depth == 0 and .data) | select(.start < $s or .start + .length > $e) | "\(.start)+\(.length)"'
}

only_added() { ! grep -q '^<' "$1" && grep -q '^> LABEL xsraid' "$1"; }

scenario_rollback() {
  convert_available || { fail "$CONVERT_MISSING"; return 1; }
  local vm=run-rollback rc outside
  must "VM started" vm_fresh "$vm" || return 1
  must "VM booted (ssh)" wait_boot "$vm" 1 600 || return 1
  must "drill script installed on the host" vssh "$vm" "cat > $DRILL && chmod 0755 $DRILL" <<'EOF' || return 1
#!/bin/sh
# lab rollback drill (tests/lab scenario rollback): an initrd that cannot bring up the root
case "$1" in prereqs) exit 0 ;; esac
. /scripts/functions
panic "lab rollback drill: this initrd does not mount the root"
EOF
  disk_a_facts "$vm" > "$SCN_DIR/disk-a-before.txt" || { fail "facts of disk A"; return 1; }
  vssh "$vm" cat /boot/extlinux/extlinux.conf > "$SCN_DIR/extlinux-before.conf"

  lab_convert "$vm" --target "$(target_b "$vm")" --create-sr 2>&1 | tee "$SCN_DIR/convert-1.log"
  rc=${PIPESTATUS[0]}
  check "convert exited 1 (exit $rc)" [ "$rc" -eq 1 ]
  check "convert reports a roll-back" grep -qi 'roll' "$SCN_DIR/convert-1.log"
  must "the host answers ssh" "$VM" wait-ssh "$vm" 600 || return 1
  check "the mirror's boot was tried and failed (drill panic on the console)" \
    grep -q 'lab rollback drill: this initrd does not mount the root' "$LAB_VMS/$vm/serial.log"
  check "3 kernels on the console: old, mirror (failed), old ($(serial_kernels "$vm"))" [ "$(serial_kernels "$vm")" -eq 3 ]
  disk_a_facts "$vm" > "$SCN_DIR/disk-a-after.txt"
  check "/ on disk A's partition 1 again; its table, GUIDs, attributes, boot code and signatures unchanged" \
    diff "$SCN_DIR/disk-a-before.txt" "$SCN_DIR/disk-a-after.txt"
  vssh "$vm" cat /boot/extlinux/extlinux.conf > "$SCN_DIR/extlinux-after.conf"
  diff "$SCN_DIR/extlinux-before.conf" "$SCN_DIR/extlinux-after.conf" | grep '^[<>]' > "$SCN_DIR/extlinux.diff"
  check "extlinux.conf on disk A: lines only added, among them LABEL xsraid" \
    only_added "$SCN_DIR/extlinux.diff"
  lab_break_disk_a "$vm"
  vssh "$vm" sync
  outside=$(overlay_writes_outside_p1 "$vm")
  check "nothing written to disk A outside partition 1 (${outside:-none})" [ -z "$outside" ]
  check "markers intact" "$VM" check-markers "$vm"

  must "drill script removed" vssh "$vm" rm "$DRILL" || return 1
  # The boot after the roll-back assembles disk B's half arrays on its own (active, auto-read-only) and can leave
  # one inactive, still holding its member (a CI run met that: the re-run's mdadm --create found the partition
  # busy). Make that state certain for disk B's partition 1: md's array_state "inactive" stops an array without
  # releasing its members (kernel Documentation/admin-guide/md.rst).
  local b1; b1="$(target_b "$vm")1"
  vssh "$vm" cat /proc/mdstat > "$SCN_DIR/mdstat-after-rollback.txt"
  vssh "$vm" "d=\$(echo /sys/block/md*/md/dev-${b1#/dev/}) && echo inactive > \${d%/*}/array_state; cat /proc/mdstat" \
    > "$SCN_DIR/mdstat-inactive.txt" 2>&1
  must "disk B's partition 1 held by an inactive array ($(grep -h inactive "$SCN_DIR/mdstat-inactive.txt"))" \
    grep -q "^md[0-9]* : inactive ${b1#/dev/}\[" "$SCN_DIR/mdstat-inactive.txt" || return 1
  lab_convert "$vm" --target "$(target_b "$vm")" --create-sr 2>&1 | tee "$SCN_DIR/convert-2.log"
  rc=${PIPESTATUS[0]}
  must "convert, run again, exited 0 (exit $rc)" [ "$rc" -eq 0 ] || return 1
  check_mirror "$vm" 3
  "$VM" kill "$vm"
  scn_passed
}
