# shellcheck shell=bash
# scenario `interrupted`: on the SR variant of the base host (its volume group with data and a writer, and a 512 MiB
# LV that makes the move last: scenarios/sr.sh), xsraid convert is SIGKILLed in phase 1 while the root is being
# copied, run again (it must wait for the copy the host goes on with) and SIGKILLed in phase 2 while pvmove moves the
# volume group onto the storage array, run again and SIGKILLed while the arrays resync, run a fourth time: it must
# complete with the end state of `convert`, the SR's data all there.
# Disk B starts with an old md superblock on it (as a disk taken from another machine would): every run passes
# --wipe-target, so this is also the "then succeeding with it" of the refusals scenario's old-md case.

# journal_has VM STEP RESULT: the local journal (or the host's) has a line of STEP with RESULT.
journal_has() {
  convert_journal "$1" | jq -e -s --arg s "$2" --arg r "$3" 'any(.[]; .step == $s and .result == $r)' >/dev/null 2>&1
}

# convert_until VM TAG TIMEOUT PROBE...: runs convert in the background until PROBE holds (then SIGKILL, return 0)
# or convert ends by itself (return 1) or TIMEOUT seconds pass (SIGKILL, return 1).
convert_until() {
  local vm=$1 tag=$2 timeout=$3 pid start target
  shift 3
  rm -f "$SCN_DIR/$tag.pid"
  target=$(target_b "$vm") || return 1
  ( CONVERT_PIDFILE=$SCN_DIR/$tag.pid lab_convert "$vm" --target "$target" --wipe-target > "$SCN_DIR/$tag.log" 2>&1 ) &
  local runner=$!
  start=$(date +%s)
  while [ ! -s "$SCN_DIR/$tag.pid" ]; do sleep 0.2; done
  pid=$(cat "$SCN_DIR/$tag.pid")
  while kill -0 "$pid" 2>/dev/null; do
    if "$@"; then
      kill -KILL "$pid"
      wait "$runner"
      note "$tag: xsraid (pid $pid) SIGKILLed after $(( $(date +%s) - start )) s"
      return 0
    fi
    if [ $(( $(date +%s) - start )) -ge "$timeout" ]; then
      kill -KILL "$pid"; wait "$runner"
      note "$tag: still running after $timeout s; its last lines: $(log_tail "$SCN_DIR/$tag.log")"
      return 1
    fi
    sleep 1
  done
  wait "$runner"
  note "$tag: convert ended by itself (exit $?) after $(( $(date +%s) - start )) s; its last lines: $(log_tail "$SCN_DIR/$tag.log")"
  return 1
}

# log_tail FILE: the last lines of FILE on one line, for the report.
log_tail() { tail -n 6 "$1" | tr -s ' \n' ' '; }

copying() { journal_has "$1" copy-root-live started && ! journal_has "$1" copy-root-live "done" && vssh "$1" pgrep -x rsync >/dev/null; }
moving() {
  journal_has "$1" pv-move-storage started && ! journal_has "$1" pv-move-storage "done" \
    && vssh "$1" "lvs -a --noheadings -o lv_name 2>/dev/null | grep -q pvmove"
}
resyncing() { journal_has "$1" wait-resync started && vssh "$1" "grep -Eq '(recovery|resync) *=' /proc/mdstat"; }

scenario_interrupted() {
  convert_available || { fail "$CONVERT_MISSING"; return 1; }
  local vm=run-interrupted rc
  must "VM with an SR on p3 started" vm_fresh "$vm" --variant sr || return 1
  must "VM booted (ssh)" wait_boot "$vm" 1 600 || return 1
  must "data in the SR's volume group, a writer started (guest/sr-data.sh)" sr_data_put "$vm" 512 || return 1
  local b; b=$(target_b "$vm") || { fail "disk B not found in the guest"; return 1; }
  must "an old md superblock (1.0) on disk B" old_md_superblock "$vm" "$b" || return 1
  must "convert killed during the root copy (phase 1)" convert_until "$vm" kill-1 1200 copying "$vm" || return 1
  # the host goes on copying after xsraid died: the next run must wait for that copy (two copies fail each other)
  local leftover=""
  if vssh "$vm" pgrep -x rsync >/dev/null; then leftover=yes; note "the killed run's rsync still runs on the host"; fi
  must "convert killed during the pvmove (phase 2)" convert_until "$vm" kill-2 1800 moving "$vm" || return 1
  [ -z "$leftover" ] || check "the second run waited for the copy the killed run left running" \
    grep -q 'A command of an earlier, interrupted xsraid run still runs on the host' "$SCN_DIR/kill-2.log"
  must "convert killed during the resync (phase 2)" convert_until "$vm" kill-3 1800 resyncing "$vm" || return 1
  lab_convert "$vm" --target "$(target_b "$vm")" --wipe-target 2>&1 | tee "$SCN_DIR/convert-4.log"
  rc=${PIPESTATUS[0]}
  must "convert, run a fourth time, exited 0 (exit $rc)" [ "$rc" -eq 0 ] || return 1
  check_mirror "$vm" 1
  sr_data_kept "$vm"
  "$VM" kill "$vm"
  scn_passed
}
