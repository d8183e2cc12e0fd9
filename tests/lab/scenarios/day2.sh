# shellcheck shell=bash
# scenario `day2`: the converted host (of convert, else of script) loses disk B; a blank disk takes its bay. From
# outside, as an admin does: `xsraid check` says CRITICAL; `xsraid alerts --program` makes md's monitor report (its
# test alert and the real DegradedArray event reach the program); `xsraid replace --missing` puts the new disk in,
# no reboot; check says OK and the lab's own end-state checks hold. With a member of md1 recovering, check says
# WARNING. Then the new disk's boot code, the ARRAY lines of mdadm.conf and the initrd's md support are destroyed:
# check says CRITICAL naming each, `xsraid heal` repairs them, check says OK again and a second heal finds nothing
# to do. Last, clones boot from the new disk alone and from the old one alone.

# lab_day2 VM COMMAND OPTIONS...: THE one place where the lab runs xsraid's day-2 commands (check, alerts, replace,
# heal) against VM; their local journals go to out/vms/VM/xdg as convert's do.
lab_day2() {
  local vm=$1 cmd=$2; shift 2
  xsraid_host_args "$vm"
  lab_log "$SCN: xsraid $cmd ${HOST_ARGS[1]} $*"
  env "XDG_STATE_HOME=$LAB_VMS/$vm/xdg" dotnet "$XSRAID_DLL" "$cmd" "${HOST_ARGS[@]}" "$@"
}

# check_says FILE RC WANT_RC STATE: xsraid check's output FILE starts "XSRAID STATE - " and it exited WANT_RC.
check_says() { [ "$2" = "$3" ] && head -n 1 "$1" | grep -q "^XSRAID $4 - "; }

# day2_check VM WANT_RC STATE WHY: runs `xsraid check` (its stdout in out/scenarios/day2/check-N.txt, stderr beside it)
# and checks its verdict.
DAY2_CHECKS=0
day2_check() {
  local vm=$1 want=$2 state=$3 why=$4 out rc
  DAY2_CHECKS=$(( DAY2_CHECKS + 1 ))
  out=$SCN_DIR/check-$DAY2_CHECKS.txt
  lab_day2 "$vm" check > "$out" 2> "$out.stderr"
  rc=$?
  lab_log "$SCN: $(head -n 1 "$out")"
  check "xsraid check on $why: $state, exit $want (exit $rc: $(head -n 1 "$out" | cut -d'|' -f1))" check_says "$out" "$rc" "$want" "$state"
}

# run_day2 VM LOG COMMAND OPTIONS...: runs a day-2 command that changes the host, its output in LOG; returns its exit.
run_day2() {
  local vm=$1 log=$2; shift 2
  lab_day2 "$vm" "$@" 2>&1 | tee "$log"
  return "${PIPESTATUS[0]}"
}

# md_events_hold VM PATTERN SECONDS: the alert program's log in the guest shows PATTERN within SECONDS.
md_events_hold() {
  local i
  for (( i = 0; i < $3; i += 2 )); do
    # shellcheck disable=SC2029 # meant to expand here
    vssh "$1" "grep -Eq '$2' /var/log/lab-md-events 2>/dev/null" && return 0
    sleep 2
  done
  return 1
}

scenario_day2() {
  local src vm=run-day2 b rc
  src=$(converted_vm)
  must "a converted host from this run (scenario script or convert passed)" [ -n "$src" ] || return 1
  must "clone of $src" "$VM" clone "$src" "$vm" || return 1
  rm -f "$LAB_VMS/$vm/b.qcow2"
  note "disk B of a clone of $src's converted disks replaced by a blank disk (same bay, serial and WWN)"
  must "VM started with disk A and the blank disk" vm_boot "$vm" || return 1
  must "it boots degraded from disk A (ssh)" wait_boot "$vm" 1 600 || return 1
  b=$(target_b "$vm") || { fail "the new disk B not found in the guest"; return 1; }
  day2_check "$vm" 2 CRITICAL "the degraded host"

  vssh "$vm" 'cat > /usr/local/sbin/lab-md-event && chmod 0755 /usr/local/sbin/lab-md-event' <<'PROGRAM'
#!/bin/sh
# lab: md's monitor runs this on each event: EVENT ARRAY [MEMBER]
echo "$*" >> /var/log/lab-md-events
PROGRAM
  run_day2 "$vm" "$SCN_DIR/alerts.log" alerts --program /usr/local/sbin/lab-md-event --test --yes
  rc=$?
  check "xsraid alerts --program --test exited 0 (exit $rc)" [ "$rc" -eq 0 ]
  check "its test alert reached the program (TestMessage)" md_events_hold "$vm" '^TestMessage /dev/md' 10
  check "the md monitor it started reports the degraded array by itself (DegradedArray)" \
    md_events_hold "$vm" '^DegradedArray /dev/md' 60
  vssh "$vm" cat /var/log/lab-md-events > "$SCN_DIR/md-events-before-replace.txt" 2>&1

  run_day2 "$vm" "$SCN_DIR/replace.log" replace --new "$b" --missing --yes
  rc=$?
  must "xsraid replace --new $b --missing exited 0 (exit $rc)" [ "$rc" -eq 0 ] || return 1
  day2_check "$vm" 0 OK "the replaced mirror"
  check_mirror "$vm" 0
  check "the md monitor reported the new member in sync (SpareActive)" md_events_hold "$vm" '^SpareActive /dev/md' 90
  vssh "$vm" cat /var/log/lab-md-events > "$SCN_DIR/md-events.txt" 2>&1

  # a member recovering: md1's member on the new disk failed, wiped and added again, the recovery held at md's
  # slowest speed while check looks, then let go
  # shellcheck disable=SC2029 # meant to expand here
  must "md1 recovering onto ${b}2, slowly" vssh "$vm" "cat /proc/sys/dev/raid/speed_limit_min /proc/sys/dev/raid/speed_limit_max > /root/lab-speeds &&
    echo 1000 > /proc/sys/dev/raid/speed_limit_min && echo 1000 > /proc/sys/dev/raid/speed_limit_max &&
    mdadm /dev/md1 --fail ${b}2 && mdadm /dev/md1 --remove ${b}2 && mdadm --zero-superblock ${b}2 && mdadm /dev/md1 --add ${b}2 &&
    sleep 2 && grep -A3 '^md1 ' /proc/mdstat | grep -q recovery" || return 1
  day2_check "$vm" 1 WARNING "the host whose md1 is recovering"
  check "that WARNING names md1's recovery" grep -q '^WARNING md1: ' "$SCN_DIR/check-$DAY2_CHECKS.txt"
  # shellcheck disable=SC2016 # expanded in the guest
  must "md1's recovery let go and finished" vssh "$vm" '{ read -r min; read -r max; } < /root/lab-speeds &&
    echo "$max" > /proc/sys/dev/raid/speed_limit_max && echo "$min" > /proc/sys/dev/raid/speed_limit_min &&
    { mdadm --wait /dev/md1; grep -A1 "^md1 " /proc/mdstat | grep -q "\[UU\]"; }' || return 1

  # what upgrades break: the new disk's boot code zeroed, mdadm.conf's ARRAY lines deleted, the initrd made again
  # without the files initramfs-tools' mdadm hook puts in it (unpacked, those files taken out, packed; kernel
  # modules left as they are: 30 s instead of update-initramfs' 2.5 min under TCG)
  # shellcheck disable=SC2029 # meant to expand here
  must "the new disk's boot code zeroed, mdadm.conf's ARRAY lines deleted" vssh "$vm" \
    "dd if=/dev/zero of=$b bs=440 count=1 conv=notrunc,fsync 2>/dev/null && sed -i '/^ARRAY/d' /etc/mdadm/mdadm.conf" || return 1
  must "the initrd made without mdadm's hook" vssh "$vm" "$(initrd_without_mdadm_hook)" || return 1
  day2_check "$vm" 2 CRITICAL "the host whose new disk lost its boot code"
  check "that check names each damage (no boot code on ${b}, mdadm.conf, the initrd)" \
    damage_named "$SCN_DIR/check-$DAY2_CHECKS.txt" "$b"
  run_day2 "$vm" "$SCN_DIR/heal.jsonl" heal --yes --json
  rc=$?
  check "xsraid heal exited 0 (exit $rc)" [ "$rc" -eq 0 ]
  local kernel; kernel=$(vssh "$vm" uname -r)
  check "heal rewrote mdadm.conf, the initrd and the new disk's boot code (steps done: $(steps_with "$SCN_DIR/heal.jsonl" "done" | paste -sd ' ' -))" \
    steps_done_include "$SCN_DIR/heal.jsonl" mdadm-conf "initrd-$kernel" "boot-code-${b#/dev/}"
  day2_check "$vm" 0 OK "the healed host"
  check "gptmbr.bin in the new disk's MBR again" [ "$(guest_mbr "$vm" "$b")" = "$(fact gptmbr)" ]
  run_day2 "$vm" "$SCN_DIR/heal-again.jsonl" heal --yes --json
  rc=$?
  check "a second xsraid heal exited 0 (exit $rc) and ran nothing (steps done: $(steps_with "$SCN_DIR/heal-again.jsonl" "done" | paste -sd ' ' -))" \
    healthy_heal "$rc" "$SCN_DIR/heal-again.jsonl"

  "$VM" stop "$vm" || fail "clean power-off"
  lose_disk a "$vm" run-day2-new-disk-alone
  lose_disk b "$vm" run-day2-old-disk-alone
  scn_passed
}

# damage_named CHECK_OUTPUT DISK: check's lines name the missing boot code on DISK, mdadm.conf and the initrd.
damage_named() {
  grep -q "^CRITICAL $2: " "$1" && grep -q '^WARNING mdadm.conf: ' "$1" && grep -q '^WARNING initrd: ' "$1"
}

# steps_with EVENTS RESULT: the ids of the steps that finished with RESULT (done, already-done, failed), one per line,
# from the JSON-lines events of a day-2 command run with --json (lines that are not JSON are left out).
steps_with() { jq -Rr --arg r "$2" 'fromjson? | select(.event == "step-finished" and .result == $r) | .step' "$1"; }

# steps_done_include EVENTS ID...: each step ID finished "done" in EVENTS.
steps_done_include() {
  local f=$1 id; shift
  for id in "$@"; do steps_with "$f" "done" | grep -qx "$id" || return 1; done
}

# healthy_heal RC EVENTS: heal exited 0, had steps, and every one of them found its check holding.
healthy_heal() {
  [ "$1" -eq 0 ] && [ -n "$(steps_with "$2" already-done)" ] && [ -z "$(steps_with "$2" "done")$(steps_with "$2" failed)" ]
}

# guest_mbr VM DEV: sha256 of DEV's first 440 bytes, read in the guest.
guest_mbr() {
  # shellcheck disable=SC2029 # meant to expand here
  vssh "$1" "dd if=$2 bs=440 count=1 2>/dev/null | sha256sum | cut -c1-64"
}

# initrd_without_mdadm_hook: a guest script that unpacks the running kernel's initrd, takes out what
# initramfs-tools' mdadm hook adds (mdadm, mdmon, /etc/mdadm, mdadm's modprobe options, md's udev rules, its
# local-block and local-bottom scripts and their ORDER lines) and packs it again (newc cpio, zstd); it fails if
# any of those is still listed.
initrd_without_mdadm_hook() {
  # shellcheck disable=SC2016 # expanded in the guest
  echo 'set -e; k=$(uname -r); i=/boot/initrd.img-$k; d=$(mktemp -d); unmkinitramfs "$i" "$d"; cd "$d";
    [ -f init ] || { echo "the initrd has more than one archive: not handled" >&2; exit 1; };
    rm -rf usr/sbin/mdadm usr/sbin/mdmon etc/mdadm etc/modprobe.d/mdadm.conf usr/lib/udev/rules.d/6[34]-md-raid-*.rules \
      scripts/local-block/mdadm scripts/local-bottom/mdadm;
    sed -i "/\/mdadm /d" scripts/*/ORDER;
    find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | zstd -q -1 > "$i.lab"; mv "$i.lab" "$i"; cd /; rm -rf "$d";
    ! lsinitramfs "$i" | grep -E "sbin/md(adm|mon)$|etc/mdadm|md-raid|/mdadm$"'
}
