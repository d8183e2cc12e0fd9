# shellcheck shell=bash
# scenarios `lose-b` and `lose-a`: a converted host (the stopped VM of `convert`, else of `script`, from this run)
# boots with one disk left out. Each runs on its own overlays on top of the converted ones (`vm clone`), so the
# two do not see each other's boots and the converted state stays as it was.

# converted_vm: the VM holding this run's converted host, or nothing.
converted_vm() {
  local s
  for s in convert script; do
    [ -f "$LAB_OUT/state/converted-$s" ] && { cat "$LAB_OUT/state/converted-$s"; return 0; }
  done
  return 0
}

# degraded_on_sda1 MDFACT: "raid1 sda1 [2/1] [U_]" (or [_U]), nothing busy or failed.
degraded_on_sda1() { case $1 in "raid1 sda1 [2/1] [U_]"|"raid1 sda1 [2/1] [_U]") return 0 ;; esac; return 1; }

# boot_alone LOST SRC VM [WAIT_S KERNEL_S]: VM = a clone of the stopped VM SRC's disks, started with disk LOST (a or
# b) left out; waits for a kernel on the console within KERNEL_S (default 150) and ssh within WAIT_S (default 600).
boot_alone() {
  local lost=$1 src=$2 vm=$3 wait_s=${4:-600} kernel_s=${5:-150} keep
  case $lost in b) keep=a ;; *) keep=b ;; esac
  must "a converted host from this run to clone" [ -n "$src" ] || return 1
  note "disk $lost left out of a clone of $src's converted disks"
  must "clone of $src" "$VM" clone "$src" "$vm" || return 1
  lab_break_before_boot "$vm" "$keep"
  must "VM started with disk $keep only" vm_boot "$vm" --disks "$keep" || return 1
  must "it boots from disk $keep alone (a kernel on the console, then ssh)" wait_boot "$vm" 1 "$wait_s" "$kernel_s"
}

# lose_disk LOST [SRC VM]: LOST is the letter of the disk left out; SRC the stopped VM whose disks are cloned (this
# run's converted host by default), VM the clone's name (run-lose-LOST by default).
lose_disk() {
  local lost=$1 keep src=${2:-} vm=${3:-run-lose-$1}
  case $lost in b) keep=a ;; *) keep=b ;; esac
  [ -n "$src" ] || src=$(converted_vm)
  boot_alone "$lost" "$src" "$vm" || return 1
  FACTS=$(guest_facts "$vm") || { fail "no facts over ssh"; return 1; }
  printf '%s\n' "$FACTS" > "$SCN_DIR/facts.txt"
  check "the only disk is disk $keep, as sda (disk A: $(fact name_a), disk B: $(fact name_b))" \
    [ "$(fact "name_$keep"),$(fact "name_$lost")" = sda, ]
  local root md
  root=$(fact root)
  md=$(sed -n "s|^md=${root#/dev/} ||p" <<< "$FACTS")
  check "/ on an md array (is $root)" [ "${root#/dev/md}" != "$root" ]
  check "that array is degraded, running on sda1 alone (${md:-not in mdstat})" degraded_on_sda1 "$md"
  lab_break_marker "$vm"
  check "markers intact" "$VM" check-markers "$vm"
  if sr_data_expected "$src"; then sr_data_kept "$vm" "$src"; fi
  note "arrays: $(sed -n 's/^md=//p' <<< "$FACTS" | paste -sd ';' -)"
  "$VM" kill "$vm"
  scn_passed
}

scenario_lose_b() { lose_disk b; }
scenario_lose_a() { lose_disk a; }
