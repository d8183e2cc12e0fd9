# shellcheck shell=bash
# scenario `script`: the by-hand path. `xsraid plan --script` made here, run in the VM (phase 1 reboots it once
# into the mirror), run again after the reboot (phase 2); then the end state is checked from outside.

# script_run VM PHASE: copies the plan script to the guest's /run (tmpfs: nothing lands on the disks) and runs it;
# its output, each line stamped with the time it arrived here, goes to SCN_DIR/phasePHASE.log.
script_run() {
  local vm=$1 phase=$2 rc
  vssh "$vm" 'cat > /run/xsraid-plan.sh' < "$SCN_DIR/plan.sh" || return 1
  vssh "$vm" bash /run/xsraid-plan.sh < /dev/null 2>&1 | stamp | tee "$SCN_DIR/phase$phase.log" | sed -u 's/^[^ ]* //'
  rc=${PIPESTATUS[0]}
  lab_log "$SCN: phase $phase: exit $rc"
  return "$rc"
}

# script_steps FILE...: [{"id","seconds"}] from the stamped "== id: title" lines; a step ends where the next
# line of this kind starts, or at the script's closing line.
script_steps() {
  awk '$2 == "==" { if (id != "") printf "%s %.1f\n", id, $1 - t; id = $3; sub(/:$/, "", id); t = $1; next }
       /Phase 1 is done|xsraid script: all steps done/ { if (id != "") printf "%s %.1f\n", id, $1 - t; id = "" }' "$@" \
    | jq -R -s 'split("\n") | map(select(length > 0) | split(" ") | {id: .[0], seconds: (.[1] | tonumber)})'
}

# the stamp of the first line matching an awk regex in FILE...
stamp_of() { local re=$1; shift; awk -v re="$re" '$0 ~ re { print $1; exit }' "$@"; }

scenario_script() {
  local vm=run-script rc t0 t_reboot t_up t_end bytes
  must "VM started" vm_fresh "$vm" || return 1
  must "VM booted (ssh)" wait_boot "$vm" 1 600 || return 1
  measure_dd "$vm" || fail "dd measurement"
  bytes=$(root_bytes "$vm")
  start_poller "$vm" "$SCN_DIR/ssh-samples"

  local target names
  target=$(target_b "$vm") || { fail "disk B not found in the guest"; return 1; }
  names="disk A = $(disk_of "$vm" a), disk B = ${target#/dev/}"
  note "before the reboot: $names"
  t0=$EPOCHREALTIME
  lab_plan "$vm" --target "$target" --create-sr --script > "$SCN_DIR/plan.sh"
  rc=$?
  must "xsraid plan --script exited 0 (exit $rc)" [ "$rc" -eq 0 ] || return 1
  must "the plan script passes bash -n" bash -n "$SCN_DIR/plan.sh" || return 1

  script_run "$vm" 1
  rc=$?
  # the script ends with `reboot`: exit 0, or 255 when the reboot took the connection first
  must "phase 1 ran to its reboot (exit $rc)" grep -q 'Phase 1 is done' "$SCN_DIR/phase1.log" || return 1
  t_reboot=$(stamp_of 'Phase 1 is done' "$SCN_DIR/phase1.log")
  must "the mirror booted and ssh came back" wait_boot "$vm" 2 900 || return 1
  t_up=$EPOCHREALTIME
  local after; after="disk A = $(disk_of "$vm" a), disk B = $(disk_of "$vm" b)"
  [ "$after" = "$names" ] || note "after the reboot the kernel names changed: $after (the plan script names the disks by their old names)"

  script_run "$vm" 2
  rc=$?
  t_end=$EPOCHREALTIME
  stop_poller
  must "phase 2 completed (exit $rc)" grep -q 'xsraid script: all steps done' "$SCN_DIR/phase2.log" || return 1

  check_mirror "$vm" 1

  local first_b done_resync copy down
  STEPS_JSON=$(script_steps "$SCN_DIR/phase1.log" "$SCN_DIR/phase2.log" \
    | jq --argjson r "$(awk -v a="$t_reboot" -v b="$t_up" 'BEGIN { printf "%.1f", b - a }')" \
         '(map(.id) | index("arm-one-shot")) as $i | .[: $i + 1] + [{id: "reboot", seconds: $r}] + .[$i + 1 :]')
  first_b=$(stamp_of '^[0-9.]+ == (wipe-target|partition-target):' "$SCN_DIR/phase1.log")
  done_resync=$(awk '$2 == "==" && f { print $1; exit } $3 == "wait-resync:" { f = 1 }' "$SCN_DIR/phase2.log")
  copy=$(jq '.[] | select(.id == "copy-root-live") | .seconds' <<< "$STEPS_JSON")
  down=$(downtime "$SCN_DIR/ssh-samples" "$t_reboot")
  write_figures "$SCN_DIR/figures.json" script \
    "reboots=$(( $(serial_kernels "$vm") - 1 ))" \
    "downtimeSeconds=$down" \
    "totalSeconds=$(awk -v a="$t0" -v b="$t_end" 'BEGIN { printf "%.1f", b - a }')" \
    "timeToRedundancySeconds=$(awk -v a="$first_b" -v b="$done_resync" 'BEGIN { printf "%.1f", b - a }')" \
    "copyMBps=$(awk -v n="$bytes" -v s="$copy" 'BEGIN { printf "%.1f", n / 1e6 / s }')" \
    "ddMBps=$DD_WRITE" "ddReadMBps=$DD_READ" "rootBytes=$bytes"
  note "figures: $(jq -c 'del(.steps)' "$SCN_DIR/figures.json")"

  "$VM" stop "$vm" || fail "clean power-off"
  scn_passed
}
