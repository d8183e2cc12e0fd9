# shellcheck shell=bash
# scenario `convert`: `xsraid convert ... --yes` from outside, exactly as a user runs it, on the SR variant of the base
# host (p3 holds a volume group, with data put there and written to all through the conversion: scenarios/sr.sh); it
# reboots the VM itself, waits, reconnects, and in phase 2 moves the volume group onto the storage array. Then the
# same end-state checks as `script`, and that the SR's data is all there.

# journal_steps: [{"id","seconds"}] of the journal on stdin: each step's last finished line, in plan order.
journal_steps() {
  jq -s '[.[] | select(.seconds != null and (.result == "done" or .result == "skipped"))]
         | reduce .[] as $e ({}; .[$e.step] = $e) | to_entries | sort_by(.value.start) | map({id: .key, seconds: .value.seconds})'
}

# journal_time STEP start|end: the epoch of the last finished line of STEP.
journal_time() {
  jq -s -r --arg s "$1" --arg k "$2" '
    def epoch: capture("^(?<b>[^.Z]+)(?<f>\\.[0-9]+)?Z$") | ((.b + "Z") | fromdateiso8601) + (("0" + (.f // "")) | tonumber);
    [.[] | select(.step == $s and .end != null)] | last | .[$k] // empty | epoch'
}

scenario_convert() {
  convert_available || { fail "$CONVERT_MISSING"; return 1; }
  local vm=run-convert rc t0 t_end bytes
  must "VM with an SR on p3 started" vm_fresh "$vm" --variant sr || return 1
  must "VM booted (ssh)" wait_boot "$vm" 1 600 || return 1
  measure_dd "$vm" || fail "dd measurement"
  must "data in the SR's volume group, a writer started (guest/sr-data.sh)" sr_data_put "$vm" || return 1
  bytes=$(root_bytes "$vm")
  start_poller "$vm" "$SCN_DIR/ssh-samples"
  t0=$EPOCHREALTIME
  local target; target=$(target_b "$vm") || { fail "disk B not found in the guest"; return 1; }
  lab_convert "$vm" --target "$target" 2>&1 | tee "$SCN_DIR/convert.log"
  rc=${PIPESTATUS[0]}
  t_end=$EPOCHREALTIME
  stop_poller
  must "xsraid convert exited 0 (exit $rc)" [ "$rc" -eq 0 ] || return 1

  check_mirror "$vm" 1
  check "the writer wrote during phase 2 (the pvmove): $(sr_after_last_boot "$vm") records after the reboot" \
    test "$(sr_after_last_boot "$vm")" -gt 0
  sr_data_kept "$vm"

  convert_journal "$vm" > "$SCN_DIR/journal.jsonl"
  local j=$SCN_DIR/journal.jsonl first_b done_resync copy t_reboot
  STEPS_JSON=$(journal_steps < "$j")
  first_b=$(journal_time wipe-target start < "$j")
  [ -n "$first_b" ] || first_b=$(journal_time partition-target start < "$j")
  done_resync=$(journal_time wait-resync end < "$j")
  t_reboot=$(journal_time reboot start < "$j")
  copy=$(jq '.[] | select(.id == "copy-root-live") | .seconds' <<< "$STEPS_JSON")
  write_figures "$SCN_DIR/figures.json" convert \
    "reboots=$(( $(serial_kernels "$vm") - 1 ))" \
    "downtimeSeconds=$(downtime "$SCN_DIR/ssh-samples" "${t_reboot:-$t0}")" \
    "totalSeconds=$(awk -v a="$t0" -v b="$t_end" 'BEGIN { printf "%.1f", b - a }')" \
    "timeToRedundancySeconds=$(awk -v a="$first_b" -v b="$done_resync" 'BEGIN { if (a && b) printf "%.1f", b - a; else print "null" }')" \
    "copyMBps=$(awk -v n="$bytes" -v s="$copy" 'BEGIN { if (s > 0) printf "%.1f", n / 1e6 / s; else print "null" }')" \
    "ddMBps=$DD_WRITE" "ddReadMBps=$DD_READ" "rootBytes=$bytes"
  note "figures: $(jq -c 'del(.steps)' "$SCN_DIR/figures.json")"

  "$VM" stop "$vm" || fail "clean power-off"
  scn_passed
}
