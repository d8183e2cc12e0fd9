# shellcheck shell=bash
# tests/lab/scenarios/common.sh: what the scenarios of tests/lab/run share (sourced by run, after lib.sh):
# xsraid invocation, VM plumbing, the checks made from outside the VM, figures. Not part of the recipe key.

VM=$LAB_DIR/vm
REPO_DIR=$(cd "$LAB_DIR/../.." && pwd)
XSRAID_DLL=${LAB_XSRAID_DLL:-$REPO_DIR/src/XsRaid.Cli/bin/Release/net10.0/XsRaid.Cli.dll}

# ---------------------------------------------------------------- results of the running scenario
# A scenario runs in a subshell with SCN (its name) and SCN_DIR (out/scenarios/NAME) set; it returns 0 only if
# all its checks held. note/fail add to its detail; check runs one check and keeps going.
SCN_FAILS=0

note() { printf '%s\n' "$*" >> "$SCN_DIR/detail"; lab_log "$SCN: $*"; }
fail() { SCN_FAILS=$(( SCN_FAILS + 1 )); printf 'FAIL: %s\n' "$*" >> "$SCN_DIR/detail"; lab_log "$SCN: FAIL: $*"; return 1; }

# check DESCRIPTION CMD...: runs CMD (a test); a failure is recorded with DESCRIPTION and the scenario goes on.
# With SCN_FINDINGS set (a file), a check that does not hold is written there as a finding instead of failing
# the scenario (bench-recipe: what the manual recipe leaves broken is reported, not a failure of the run).
check() {
  local what=$1; shift
  if "$@"; then printf '%s\n' "$what" >> "$SCN_DIR/checks-held"; lab_log "$SCN: ok: $what"; return 0; fi
  if [ -n "${SCN_FINDINGS:-}" ]; then printf '%s\n' "$what" >> "$SCN_FINDINGS"; lab_log "$SCN: finding: $what"; return 1; fi
  fail "$what"
}

# must DESCRIPTION CMD...: like check, for steps the rest depends on (caller: must ... || return 1).
must() {
  local what=$1; shift
  "$@" && return 0
  fail "$what"
}

scn_passed() { [ "$SCN_FAILS" -eq 0 ]; }

# ---------------------------------------------------------------- xsraid
xsraid() { dotnet "$XSRAID_DLL" "$@"; }

xsraid_build() {
  [ -z "${LAB_XSRAID_DLL:-}" ] || { [ -f "$XSRAID_DLL" ] || lab_die "LAB_XSRAID_DLL=$XSRAID_DLL is missing"; return 0; }
  command -v dotnet >/dev/null || lab_die "dotnet (the .NET 10 SDK) is needed to build xsraid"
  lab_log "building xsraid (Release)"
  dotnet build "$REPO_DIR/src/XsRaid.Cli" -c Release -nologo -v quiet > "$LAB_OUT/xsraid-build.log" 2>&1 \
    || { tail -n 30 "$LAB_OUT/xsraid-build.log" >&2; lab_die "xsraid build failed (out/xsraid-build.log)"; }
}

convert_available() { xsraid --help 2>&1 | grep -Eq '^[[:space:]]+convert([[:space:]]|$)'; }
# shellcheck disable=SC2034 # used by the scenario files
CONVERT_MISSING="xsraid convert not available (xsraid --help lists no convert command)"

# vm_field VM KEY: one value of `vm info VM` (VM_PORT, VM_KEY, VM_HOST_KEY_PUB, ...).
vm_field() { "$VM" info "$1" | sed -n "s/^$2=//p"; }

# xsraid_host_args VM: HOST_ARGS = xsraid's options to reach VM, with a known_hosts file for its current port.
xsraid_host_args() {
  local vm=$1 port kh
  port=$(vm_field "$vm" VM_PORT)
  kh=$LAB_VMS/$vm/xsraid_known_hosts
  printf '[127.0.0.1]:%s %s\n' "$port" "$(cut -d' ' -f1,2 "$(vm_field "$vm" VM_HOST_KEY_PUB)")" > "$kh"
  HOST_ARGS=(--host "root@127.0.0.1:$port" --identity "$(vm_field "$vm" VM_KEY)" --known-hosts "$kh")
}

# lab_convert VM OPTIONS...: THE one place where the lab runs `xsraid convert` (every scenario goes through it).
# Its local state (journal) goes to out/vms/VM/xdg. With CONVERT_PIDFILE set it runs in the background of this
# shell, writes its pid there (for the interruption drills) and waits for it.
lab_convert() {
  local vm=$1; shift
  xsraid_host_args "$vm"
  local cmd=(env "XDG_STATE_HOME=$LAB_VMS/$vm/xdg" dotnet "$XSRAID_DLL" convert "${HOST_ARGS[@]}" --yes "$@")
  lab_log "$SCN: xsraid convert ${HOST_ARGS[1]} $*"
  if [ -n "${CONVERT_PIDFILE:-}" ]; then
    "${cmd[@]}" &
    echo "$!" > "$CONVERT_PIDFILE"
    wait "$!"
  else
    "${cmd[@]}"
  fi
}

# lab_plan VM OPTIONS...: `xsraid plan` against VM.
lab_plan() {
  local vm=$1; shift
  xsraid_host_args "$vm"
  xsraid plan "${HOST_ARGS[@]}" "$@"
}

# convert_journal VM: the journal of the last convert run (local copy; else the host's).
convert_journal() {
  local f
  f=$(find "$LAB_VMS/$1/xdg" -name journal.jsonl 2>/dev/null | head -n 1)
  if [ -n "$f" ]; then cat "$f"; else vssh "$1" cat /var/lib/xsraid/journal.jsonl 2>/dev/null; fi
}

# ---------------------------------------------------------------- VMs
SCN_VMS=()

vssh() { local vm=$1; shift; "$VM" ssh "$vm" "$@"; }

# vm_fresh VM [start options]: a new VM on fresh overlays (killed when the scenario ends, unless stopped before).
vm_fresh() {
  local vm=$1; shift
  "$VM" destroy "$vm"
  SCN_VMS+=("$vm")
  "$VM" start "$vm" --fresh "$@"
}

# vm_boot VM [start options]: starts an existing VM (a clone) and tracks it like vm_fresh.
vm_boot() {
  local vm=$1; shift
  SCN_VMS+=("$vm")
  "$VM" start "$vm" "$@"
}

# disk_of VM a|b: the guest's kernel name (sda, sdb) of lab disk A or B, found by WWN. The names follow the
# order in which the disks answered the kernel's (asynchronous) probe: disk B can be sda.
disk_of() {
  local wwid name
  case $2 in a) wwid=naa.5000c50015ea0a01 ;; b) wwid=naa.5000c50015ea0b02 ;; *) return 1 ;; esac
  name=$(vssh "$1" "grep -lx $wwid /sys/block/sd*/device/wwid" | sed -n 's|^/sys/block/\([a-z]*\)/device/wwid$|\1|p')
  [ -n "$name" ] || { lab_log "$1: no disk with WWID $wwid"; return 1; }
  printf '%s\n' "$name"
}

# old_md_superblock VM DISK: an md 1.0 superblock on DISK, as a disk taken from another machine carries: made with
# mdadm (the array started and stopped again), and afterwards no array running.
old_md_superblock() {
  # shellcheck disable=SC2029 # $2 is meant to expand here
  vssh "$1" "mdadm --create /dev/md/lab-old --run --metadata=1.0 --level=1 --raid-devices=2 $2 missing && mdadm --stop /dev/md/lab-old && udevadm settle && ! grep -q '^md' /proc/mdstat && mdadm --examine $2 >/dev/null"
}

# target_b VM: --target for disk B, by its current kernel name (what a user reads in lsblk).
target_b() { local b; b=$(disk_of "$1" b) || return 1; printf '/dev/%s\n' "$b"; }

scn_cleanup() {
  local vm
  [ -z "${POLLER:-}" ] || { kill "$POLLER" 2>/dev/null; wait "$POLLER" 2>/dev/null; }
  for vm in "${SCN_VMS[@]}"; do
    [ "$("$VM" status "$vm" 2>/dev/null | grep -o 'state=[a-z]*')" = state=running ] && "$VM" kill "$vm"
  done
  return 0
}

serial_kernels() { grep -c 'Linux version' "$LAB_VMS/$1/serial.log" 2>/dev/null || true; }

# wait_boot VM N TIMEOUT [KERNEL_S=150]: waits until the serial console shows the Nth kernel of this start (a disk
# that does not boot shows none: give up after KERNEL_S seconds) and then until ssh answers.
wait_boot() {
  local vm=$1 n=$2 timeout=$3 kernel_s=${4:-150} start
  start=$(date +%s)
  while [ "$(serial_kernels "$vm")" -lt "$n" ]; do
    [ $(( $(date +%s) - start )) -lt "$kernel_s" ] || { lab_log "$vm: no kernel #$n on the serial console after $kernel_s s"; return 1; }
    sleep 2
  done
  "$VM" wait-ssh "$vm" $(( timeout - ($(date +%s) - start) ))
}

# ssh_poller PORT FILE: appends "EPOCH up|down" about every second: up when an SSH banner comes back.
ssh_poller() {
  local state
  while :; do
    # shellcheck disable=SC2016 # expanded by the inner bash
    if timeout 4 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && IFS= read -r -t 3 l <&3 && [[ $l == SSH-* ]]' _ "$1" 2>/dev/null
    then state=up; else state=down; fi
    printf '%s %s\n' "$EPOCHREALTIME" "$state" >> "$2"
    sleep 1
  done
}
start_poller() { ssh_poller "$(vm_field "$1" VM_PORT)" "$2" & POLLER=$!; }
stop_poller() { [ -z "${POLLER:-}" ] || { kill "$POLLER" 2>/dev/null; wait "$POLLER" 2>/dev/null; POLLER=""; }; }

# downtime FILE AFTER: seconds from the last "up" before the first "down" after time AFTER to the next "up".
downtime() {
  awk -v after="$2" '
    $1 < after { if ($2 == "up") lastup = $1; next }
    $2 == "up" && !down { lastup = $1; next }
    $2 == "down" && !down { down = 1; next }
    $2 == "up" && down { printf "%.1f\n", $1 - lastup; found = 1; exit }
    END { if (!found) print "null" }' "$1"
}

# stamp: prefixes each line with the epoch time it arrived (for step durations).
stamp() { local l; while IFS= read -r l; do printf '%s %s\n' "$EPOCHREALTIME" "$l"; done; }

# ---------------------------------------------------------------- facts from the guest, judged here
# guest_facts VM: one ssh round trip (guest/guest-facts.sh); key=value lines the checks below read.
guest_facts() { guest_script "$1" guest-facts.sh; }

# guest_script VM FILE: runs guest/FILE in VM after guest/disks.sh (which defines each_disk for it).
guest_script() { cat "$LAB_DIR/guest/disks.sh" "$LAB_DIR/guest/$2" | vssh "$1" sh -s; }

fact() { sed -n "s/^$1=//p" <<< "$FACTS" | head -n 1; }

# matches_re VALUE ERE: VALUE (as a whole, newlines included) matches the extended regular expression ERE.
matches_re() { [[ $1 =~ $2 ]]; }

# check_mirror VM REBOOTS: the end state of a conversion (script, convert, interrupted, rollback).

check_mirror() {
  local vm=$1 reboots=$2 name level members counts status n parts=() bad sr_md=""
  lab_break_in_guest "$vm"
  FACTS=$(guest_facts "$vm") || { fail "no facts from $vm over ssh"; return 1; }
  printf '%s\n' "$FACTS" > "$SCN_DIR/facts.txt"
  local da db; da=$(fact name_a) db=$(fact name_b)
  check "both disks seen (disk A = ${da:-none}, disk B = ${db:-none})" [ "${da:+x}${db:+x}" = xx ]
  check "/ on /dev/md0 (is $(fact root))" [ "$(fact root)" = /dev/md0 ]
  local arrays; arrays=$(sed -n 's/^md=//p' <<< "$FACTS")
  check "3 arrays (has $(grep -c . <<< "$arrays"))" [ "$(grep -c . <<< "$arrays")" -eq 3 ]
  while read -r name level members counts status; do
    [ -n "$name" ] || continue
    bad=""
    [ "$level" = raid1 ] || bad+=" level $level"
    [ "$counts $status" = "[2/2] [UU]" ] || bad+=" $counts $status"
    [[ $status != *busy* && $members != *"(F)"* ]] || bad+=" busy or failed member"
    n=$(sed -n "s/^$da\([0-9]*\),$db\1\$/\1/p; s/^$db\([0-9]*\),$da\1\$/\1/p" <<< "$members")
    [ -n "$n" ] || bad+=" members $members"
    parts+=("$n")
    [ "$n" = 3 ] && sr_md=/dev/$name
    check "$name clean with both members ($members $counts $status)${bad:+:$bad}" [ -z "$bad" ]
  done <<< "$arrays"
  check "arrays over partitions 1 2 3 (${parts[*]})" [ "$(printf '%s\n' "${parts[@]}" | sort | tr '\n' ' ')" = "1 2 3 " ]
  check "markers intact" "$VM" check-markers "$vm"
  local pv; pv=$(sed -n 's/^pv=//p' <<< "$FACTS")
  check "the SR's volume group on the storage array $sr_md, on no other PV (pvs: ${pv:-none})" \
    matches_re "$pv" "^${sr_md:-none} VG_XenStorage-[0-9a-f-]+\$"
  local k; k=$(serial_kernels "$vm")
  check "exactly $reboots reboot(s) (serial console: $k kernels)" [ "$k" -eq $(( reboots + 1 )) ]
  local g; g=$(fact gptmbr)
  check "gptmbr.bin in both MBRs" [ "$(fact mbr_a) $(fact mbr_b)" = "$g $g" ]
  check "legacy-BIOS-bootable on partition 1 of both disks ($(fact attr_a) $(fact attr_b))" \
    [ "$(fact attr_a) $(fact attr_b)" = "1:2:1 1:2:1" ]
  # shellcheck source=/dev/null
  source "$(vm_field "$vm" VM_BASE)/info.env"
  check "root label $LAB_ROOT_LABEL back on /dev/md0 (is $(fact rootlabel))" [ "$(fact rootlabel)" = "$LAB_ROOT_LABEL" ]
  check "udev's /dev/disk/by-label/$LAB_ROOT_LABEL is /dev/md0 (is $(fact rootbylabel))" [ "$(fact rootbylabel)" = /dev/md0 ]
}

# ---------------------------------------------------------------- figures
# measure_dd VM: the guest's raw sequential throughput (MB/s, 10^6 bytes): 512 MiB read from disk A's root
# partition, 512 MiB of zeros written to disk B (still blank afterwards), both O_DIRECT. Sets DD_READ, DD_WRITE.
measure_dd() {
  local a b out
  a=$(disk_of "$1" a) && b=$(disk_of "$1" b) || return 1
  # shellcheck disable=SC2029 # the names are meant to expand here
  out=$(vssh "$1" "dd if=/dev/${a}1 of=/dev/null bs=1M count=512 iflag=direct 2>&1 | tail -n 1
                   dd if=/dev/zero of=/dev/$b bs=1M count=512 oflag=direct 2>&1 | tail -n 1") || return 1
  DD_READ=$(awk 'NR == 1 { printf "%.0f", $1 / $(NF-3) / 1e6 }' <<< "$out")
  DD_WRITE=$(awk 'NR == 2 { printf "%.0f", $1 / $(NF-3) / 1e6 }' <<< "$out")
  note "dd: read ${DD_READ} MB/s from ${a}1 (disk A), write ${DD_WRITE} MB/s to $b (disk B)"
}

root_bytes() { vssh "$1" df -B1 --output=used / | tail -n 1 | tr -dc 0-9; }

# write_figures FILE SOURCE key=value...: the figures object (numbers; steps as JSON in STEPS_JSON).
write_figures() {
  local file=$1 src=$2; shift 2
  local args=(--arg source "$src" --argjson steps "${STEPS_JSON:-[]}") kv
  for kv in "$@"; do args+=(--argjson "${kv%%=*}" "${kv#*=}"); done
  jq -n "${args[@]}" '$ARGS.named' > "$file"
}
