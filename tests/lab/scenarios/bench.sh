# shellcheck shell=bash
# scenario `bench-recipe` (on request, not in CI's default set): the XenServer-6.x-shaped lab host converted twice
# in one run, side by side on the same clock: one VM by `xsraid convert --create-sr`, the other by the manual
# recipe admins follow (shared/docs/seed-configure-xenserver-6.5-software-raid1.md; its commands in
# tests/lab/bench/*.cmds, run line by line as pasted into a shell, adapted only where the lab host differs).
# The recipe's manual parts are done the way a person does them: after phase 1 the person reboots and picks disk B
# in the BIOS (a power-off, then QEMU's boot disk set to B: one console visit), runs phase 2, reboots, waits for the
# resync, creates the SR. Both sides get the same end-state checks; on xsraid's side a failed check fails the
# scenario, on the recipe's side it is a finding (out/scenarios/bench-recipe/bench.json and the detail lines).

BENCH_DIR=$LAB_DIR/bench

# unreachable FILE: seconds without an SSH banner in the ssh_poller samples, summed over every outage.
unreachable() {
  awk '$2 == "up" { if (down) { total += $1 - lastup; down = 0 } lastup = $1; next }
       $2 == "down" && lastup { down = 1 }
       END { printf "%.1f\n", total }' "$1"
}

# recipe_run VM FILE: FILE's lines run in the guest by run-recipe.sh; the lines that exited non-zero go to
# $SCN_DIR/recipe-errors.txt (findings), everything the commands printed to recipe.log.
recipe_run() {
  local vm=$1 file=$2 a b
  a=$(disk_of "$vm" a) && b=$(disk_of "$vm" b) || return 1
  vssh "$vm" "cat > /root/run-recipe.sh" < "$BENCH_DIR/run-recipe.sh" || return 1
  vssh "$vm" "cat > /root/recipe.cmds" < "$BENCH_DIR/$file" || return 1
  # shellcheck disable=SC2029 # the names are meant to expand here
  vssh "$vm" "bash /root/run-recipe.sh /root/recipe.cmds $a $b" >> "$SCN_DIR/recipe.log" 2> "$SCN_DIR/recipe-stderr.tmp"
  cat "$SCN_DIR/recipe-stderr.tmp" >> "$SCN_DIR/recipe.log"
  sed -n "s/^RECIPE-LINE /$file: exit /p" "$SCN_DIR/recipe-stderr.tmp" >> "$SCN_DIR/recipe-errors.txt"
}

# resynced VM: every array in /proc/mdstat has all its members and no resync or recovery runs or waits.
resynced() {
  local s; s=$(vssh "$1" cat /proc/mdstat) || return 1
  grep -q '^md' <<< "$s" && ! grep -q '_' <<< "$(grep -o '\[[U_]*\]' <<< "$s")" && ! grep -Eq 'resync|recovery|DELAYED' <<< "$s"
}

wait_resynced() {
  local i
  for ((i = 0; i < 900; i += 5)); do resynced "$1" && return 0; sleep 5; done
  return 1
}

# boots_alone VM LETTER: a clone of VM's (stopped) disks boots from disk LETTER alone, with / on an md array.
boots_alone() {
  local src=$1 keep=$2 vm=$1-only-$2 root
  "$VM" destroy "$vm"
  "$VM" clone "$src" "$vm" || return 1
  vm_boot "$vm" --disks "$keep" || return 1
  wait_boot "$vm" 1 600 || { "$VM" kill "$vm"; return 1; }
  root=$(vssh "$vm" "findmnt -n -o SOURCE /")
  "$VM" kill "$vm"
  [ "${root#/dev/md}" != "$root" ]
}

# one_boot_code LINES: one distinct MBR boot code (hex, a line per disk), and not zeros.
one_boot_code() { [ "$(grep -c . <<< "$1")" -eq 1 ] && ! grep -qx '[0]*' <<< "$1"; }

# end_state VM: the checks both sides must pass, besides check_mirror's (xsraid's side only: it knows xsraid's
# labels and reboot count): distinct GPT disk GUIDs; mdadm.conf and the initrd's copy list every running array.
end_state() {
  local vm=$1 guids conf
  # shellcheck disable=SC2016 # expanded in the guest
  guids=$(vssh "$vm" 'for d in /dev/sd?; do sgdisk -p "$d" | sed -n "s/^Disk identifier (GUID): //p"; done' | sort -u | grep -c .)
  check "the two disks have distinct GPT disk GUIDs ($guids distinct)" [ "$guids" -eq 2 ]
  local arrays mbrs
  arrays=$(vssh "$vm" "grep -c '^md' /proc/mdstat")
  check "partitions 1, 2 and 3 each mirrored: 3 arrays (has $arrays)" [ "$arrays" = 3 ]
  # shellcheck disable=SC2016 # expanded in the guest
  mbrs=$(vssh "$vm" 'for d in /dev/sd?; do dd if="$d" bs=440 count=1 2>/dev/null | od -An -tx1 | tr -d " \n"; echo; done' | sort -u)
  check "the same boot code in both MBRs" one_boot_code "$mbrs"
  # shellcheck disable=SC2016 # expanded in the guest
  conf=$(vssh "$vm" 'k=$(uname -r); for u in $(mdadm --detail --scan | sed -n "s/.*UUID=\([0-9a-f:]*\).*/\1/p"); do
      grep -q "UUID=$u" /etc/mdadm/mdadm.conf || echo "mdadm.conf lacks $u";
      unmkinitramfs "/boot/initrd.img-$k" /tmp/initrd-x >/dev/null 2>&1; cat /tmp/initrd-x/etc/mdadm/mdadm.conf /tmp/initrd-x/main/etc/mdadm/mdadm.conf 2>/dev/null | grep -q "UUID=$u" || echo "the initrd lacks $u";
      rm -rf /tmp/initrd-x; done')
  check "mdadm.conf and the initrd list every running array${conf:+: $(paste -sd ';' - <<< "$conf")}" [ -z "$conf" ]
}

# side_xsraid VM: xsraid's conversion and its figures (bench-xsraid.json).
side_xsraid() {
  local vm=$1 t0 t_end rc j first_b done_resync t_reboot plain
  SCN=$SCN-xsraid
  start_poller "$vm" "$SCN_DIR/xsraid-ssh"
  t0=$EPOCHREALTIME
  lab_convert "$vm" --target "$(target_b "$vm")" --create-sr > "$SCN_DIR/xsraid-convert.log" 2>&1
  rc=$?
  t_end=$EPOCHREALTIME
  stop_poller
  must "xsraid convert exited 0 (exit $rc)" [ "$rc" -eq 0 ] || return 1
  check_mirror "$vm" 1
  end_state "$vm"
  convert_journal "$vm" > "$SCN_DIR/xsraid-journal.jsonl"
  j=$SCN_DIR/xsraid-journal.jsonl
  first_b=$(journal_time wipe-target start < "$j")
  [ -n "$first_b" ] || first_b=$(journal_time partition-target start < "$j")
  done_resync=$(journal_time wait-resync end < "$j")
  t_reboot=$(journal_time reboot start < "$j")
  # the plain reboot of the same (converted) host, for the ratio
  start_poller "$vm" "$SCN_DIR/plain-ssh"
  plain=$EPOCHREALTIME
  local kernels; kernels=$(serial_kernels "$vm")
  vssh "$vm" reboot || true
  wait_boot "$vm" $((kernels + 1)) 600 || fail "the plain reboot came back"
  stop_poller
  "$VM" stop "$vm" || fail "clean power-off"
  local alone_a=false alone_b=false
  boots_alone "$vm" a && alone_a=true
  boots_alone "$vm" b && alone_b=true
  check "xsraid: disk A boots alone" $alone_a
  check "xsraid: disk B boots alone" $alone_b
  jq -n --argjson total "$(awk -v a="$t0" -v b="$t_end" 'BEGIN { printf "%.1f", b - a }')" \
    --argjson ttr "$(awk -v a="$first_b" -v b="$done_resync" 'BEGIN { if (a && b) printf "%.1f", b - a; else print "null" }')" \
    --argjson down "$(downtime "$SCN_DIR/xsraid-ssh" "${t_reboot:-$t0}")" \
    --argjson unreachable "$(unreachable "$SCN_DIR/xsraid-ssh")" \
    --argjson plain "$(downtime "$SCN_DIR/plain-ssh" "$plain")" \
    --argjson a "$alone_a" --argjson b "$alone_b" \
    '{reboots: 1, consoleVisits: 0, unreachableSeconds: $unreachable, rebootDowntimeSeconds: $down,
      totalSeconds: $total, timeToRedundancySeconds: $ttr, plainRebootSeconds: $plain,
      diskABootsAlone: $a, diskBBootsAlone: $b}' > "$SCN_DIR/bench-xsraid.json"
}

# side_recipe VM: the recipe, as a person carries it out, and its figures (bench-recipe.json). Its end-state
# checks are findings: check writes them to findings.txt instead of failing the scenario.
side_recipe() {
  local vm=$1 t0 t_end t_redundant boots=0
  SCN=$SCN-recipe
  : > "$SCN_DIR/recipe-errors.txt"
  start_poller "$vm" "$SCN_DIR/recipe-ssh"
  t0=$EPOCHREALTIME
  recipe_run "$vm" recipe-1.cmds || { fail "recipe phase 1 could not run"; return 1; }
  # the person: reboot, and in the BIOS make disk B the boot disk
  "$VM" stop "$vm" || fail "recipe: power-off"
  "$VM" start "$vm" --boot b || { fail "recipe: start from disk B"; return 1; }
  # a new start forwards ssh from a new port: the poller follows it (same samples file)
  stop_poller
  start_poller "$vm" "$SCN_DIR/recipe-ssh"
  wait_boot "$vm" 1 600 || { fail "recipe: the host did not come back from disk B"; return 1; }
  boots=$((boots + 1))
  recipe_run "$vm" recipe-2.cmds || { fail "recipe phase 2 could not run"; return 1; }
  vssh "$vm" reboot || true
  wait_boot "$vm" 2 600 || { fail "recipe: the host did not come back after phase 2's reboot"; return 1; }
  boots=$((boots + 1))
  if wait_resynced "$vm"; then t_redundant=$EPOCHREALTIME; else t_redundant=""; fi
  recipe_run "$vm" recipe-sr.cmds || fail "recipe: SR step could not run"
  t_end=$EPOCHREALTIME
  stop_poller
  vssh "$vm" cat /proc/mdstat > "$SCN_DIR/recipe-mdstat.txt"
  SCN_FINDINGS=$SCN_DIR/findings.txt
  : > "$SCN_FINDINGS"
  check "recipe: every array complete and in sync (see recipe-mdstat.txt)" [ -n "$t_redundant" ]
  end_state "$vm"
  "$VM" stop "$vm" || fail "clean power-off"
  local alone_a=false alone_b=false
  boots_alone "$vm" a && alone_a=true
  boots_alone "$vm" b && alone_b=true
  check "recipe: disk A boots alone" $alone_a
  check "recipe: disk B boots alone" $alone_b
  unset SCN_FINDINGS
  jq -n --argjson total "$(awk -v a="$t0" -v b="$t_end" 'BEGIN { printf "%.1f", b - a }')" \
    --argjson ttr "$(awk -v a="$t0" -v b="$t_redundant" 'BEGIN { if (b) printf "%.1f", b - a; else print "null" }')" \
    --argjson unreachable "$(unreachable "$SCN_DIR/recipe-ssh")" --argjson reboots "$boots" \
    --argjson a "$alone_a" --argjson b "$alone_b" \
    --rawfile errors "$SCN_DIR/recipe-errors.txt" --rawfile findings "$SCN_DIR/findings.txt" \
    --arg adaptations "$(grep -h '^# adapted:' "$BENCH_DIR"/*.cmds | sed 's/^# adapted: //')" \
    '{reboots: $reboots, consoleVisits: 1, unreachableSeconds: $unreachable, totalSeconds: $total,
      timeToRedundancySeconds: $ttr, diskABootsAlone: $a, diskBBootsAlone: $b,
      failedLines: ($errors | split("\n") | map(select(length > 0))),
      findings: ($findings | split("\n") | map(select(length > 0))),
      adaptations: ($adaptations | split("\n") | map(select(length > 0)))}' > "$SCN_DIR/bench-recipe.json"
}

scenario_bench_recipe() {
  convert_available || { fail "$CONVERT_MISSING"; return 1; }
  local x=bench-xsraid r=bench-recipe pid_x pid_r
  must "VM $x started" vm_fresh "$x" || return 1
  must "VM $r started" vm_fresh "$r" || return 1
  must "VM $x booted (ssh)" wait_boot "$x" 1 900 || return 1
  must "VM $r booted (ssh)" wait_boot "$r" 1 900 || return 1
  # the two sides run at once, each in its own subshell (its own poller); their results meet in files
  ( side_xsraid "$x" ) > "$SCN_DIR/side-xsraid.log" 2>&1 & pid_x=$!
  ( side_recipe "$r" ) > "$SCN_DIR/side-recipe.log" 2>&1 & pid_r=$!
  wait "$pid_x"; wait "$pid_r"
  [ -f "$SCN_DIR/bench-xsraid.json" ] || fail "xsraid's side produced no figures (side-xsraid.log)"
  [ -f "$SCN_DIR/bench-recipe.json" ] || fail "the recipe's side produced no figures (side-recipe.log)"
  [ -f "$SCN_DIR/bench-xsraid.json" ] && [ -f "$SCN_DIR/bench-recipe.json" ] || return 1
  jq -n --slurpfile x "$SCN_DIR/bench-xsraid.json" --slurpfile r "$SCN_DIR/bench-recipe.json" \
    --arg date "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg cpus "$(nproc)" \
    --arg cpu "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)" \
    '{date: $date, machine: "\($cpus) cores, \($cpu), QEMU TCG", xsraid: $x[0], recipe: $r[0],
      downtimeToPlainReboot: (if $x[0].plainRebootSeconds > 0 then ($x[0].rebootDowntimeSeconds / $x[0].plainRebootSeconds * 100 | round / 100) else null end)}' \
    > "$SCN_DIR/bench.json"
  bench_table "$SCN_DIR/bench.json" | tee "$SCN_DIR/bench-table.md"
  note "bench: $(jq -c '{x: .xsraid | del(.plainRebootSeconds), r: .recipe | {reboots, consoleVisits, unreachableSeconds, totalSeconds, timeToRedundancySeconds, diskABootsAlone, diskBBootsAlone}, ratio: .downtimeToPlainReboot}' "$SCN_DIR/bench.json")"
  scn_passed
}

# bench_table FILE: the side-by-side table (markdown) of bench.json.
bench_table() {
  jq -r '
    def v: if . == null then "-" elif . == true then "yes" elif . == false then "no" else tostring end;
    "| | xsraid convert | the recipe |", "|---|---|---|",
    "| reboots | \(.xsraid.reboots | v) | \(.recipe.reboots | v) |",
    "| console / BIOS visits | \(.xsraid.consoleVisits | v) | \(.recipe.consoleVisits | v) |",
    "| host unreachable (s) | \(.xsraid.unreachableSeconds | v) | \(.recipe.unreachableSeconds | v) |",
    "| total time (s) | \(.xsraid.totalSeconds | v) | \(.recipe.totalSeconds | v) |",
    "| time to redundancy (s) | \(.xsraid.timeToRedundancySeconds | v) | \(.recipe.timeToRedundancySeconds | v) |",
    "| disk A boots alone | \(.xsraid.diskABootsAlone | v) | \(.recipe.diskABootsAlone | v) |",
    "| disk B boots alone | \(.xsraid.diskBBootsAlone | v) | \(.recipe.diskBBootsAlone | v) |",
    "",
    "plain reboot of the same host: \(.xsraid.plainRebootSeconds | v) s; xsraid'"'"'s reboot downtime is \(.downtimeToPlainReboot | v) x that",
    "recipe lines that failed: \(.recipe.failedLines | length)", (.recipe.failedLines[] | "- \(.)"),
    "recipe findings (end-state checks it does not pass): \(.recipe.findings | length)", (.recipe.findings[] | "- \(.)"),
    "adaptations to the lab host:", (.recipe.adaptations[] | "- \(.)"),
    "measured \(.date) on \(.machine)"' "$1"
}
