# shellcheck shell=bash
# scenarios `xcpng-convert`, `xcpng-lose-b`, `xcpng-lose-a`: the XCP-ng-shaped lab host (build-xcpng: a Debian PV
# dom0 under Xen, GRUB2 on BIOS, dracut, XCP-ng 8.x's six partitions, p3 empty) converted from a fresh start by
# `xsraid convert --yes` from outside, into the installer's own RAID shape; then clones of it boot with one disk
# left out. Under TCG a Xen boot is slow (see xcpng.sh), so its waits are long.

# xcpng_guest_facts VM: the facts of guest/xcpng-facts.sh (disks, md127, mounts and labels, boot files).
xcpng_guest_facts() { guest_script "$1" xcpng-facts.sh; }

# facts_all KEY: every value of KEY in FACTS, one per line.
facts_all() { sed -n "s/^$1=//p" <<< "$FACTS"; }

# without_size "N START SIZE TYPE" lines on stdin: "N START TYPE", sorted by N.
without_size() { awk '{ print $1, $2, $4 }' | sort -n; }

# last_on_disk "N START SIZE TYPE" lines on stdin: the number of the partition that starts last.
last_on_disk() { sort -k2,2n | tail -n 1 | cut -d' ' -f1; }

# size_of N: the size (sectors) of partition N in "N START SIZE TYPE" lines on stdin.
size_of() { awk -v n="$1" '$1 == n { print $3 }'; }

# xcpng_labels VM: LAB_ROOT_LABEL, LAB_LOGS_LABEL, LAB_SWAP_LABEL of the VM's base image.
xcpng_labels() {
  # shellcheck source=/dev/null
  source "$(vm_field "$1" VM_BASE)/info.env"
}

# check_xcpng_volumes: / on md127p1, /var/log on md127p5, swap on md127p6, each with its original label, on the
# device and in udev's by-label links.
check_xcpng_volumes() {
  check_xcpng_volume / root md127p1 "$LAB_ROOT_LABEL"
  check_xcpng_volume /var/log logs md127p5 "$LAB_LOGS_LABEL"
  check_xcpng_volume swap swap md127p6 "$LAB_SWAP_LABEL"
  check "dom0 under Xen (hypervisor=$(fact hypervisor))" [ "$(fact hypervisor)" = xen ]
}

# check_xcpng_volume WHAT FACT DEVICE LABEL
check_xcpng_volume() {
  check "$1 on /dev/$3 (is $(fact "$2"))" [ "$(fact "$2")" = "/dev/$3" ]
  check "$1 labelled $4 again (is $(fact "$2_label"))" [ "$(fact "$2_label")" = "$4" ]
  check "udev's /dev/disk/by-label/$4 is /dev/$3 (is $(fact "$2_bylabel"))" [ "$(fact "$2_bylabel")" = "/dev/$3" ]
}

# check_xcpng_mirror VM REBOOTS TABLE: the end state of an XCP-ng conversion. TABLE: disk A's partitions before it
# ("N START SIZE CODE" lines of xcpng-facts.sh).
check_xcpng_mirror() {
  local vm=$1 reboots=$2 before=$3
  lab_break_in_guest "$vm"
  FACTS=$(xcpng_guest_facts "$vm") || { fail "no facts from $vm over ssh"; return 1; }
  printf '%s\n' "$FACTS" > "$SCN_DIR/facts.txt"
  xcpng_labels "$vm"
  local da db; da=$(fact name_a) db=$(fact name_b)
  check "both disks seen (disk A = ${da:-none}, disk B = ${db:-none})" [ "${da:+x}${db:+x}" = xx ]
  check "md127: RAID1, metadata 1.0 (is $(fact md_level), $(fact md_version))" [ "$(fact md_level) $(fact md_version)" = "raid1 1.0" ]
  # (md says "active" rather than "clean" while a write is in flight: either, but nothing degraded or resyncing)
  check "md127 clean with 2 active devices of 2 (state $(fact md_state), $(fact md_active)/$(fact md_raid_devices))" \
    matches "$(fact md_state) $(fact md_active)/$(fact md_raid_devices)" '@(clean|active) 2/2' 
  check "md127 has an internal bitmap (is $(fact md_bitmap))" [ "$(fact md_bitmap)" = Internal ]
  local members; members=$(facts_all md_member | sort | paste -sd ' ' -)
  check "md127's members are the two whole disks (are $members)" [ "$members" = "$(printf '%s\n' "$da" "$db" | sort | paste -sd ' ' -)" ]
  local inside last
  inside=$(facts_all md_part)
  last=$(last_on_disk <<< "$before")
  check "the GPT inside md127 has disk A's partitions: numbers, starts and types ($(without_size <<< "$inside" | paste -sd ';' -))" \
    [ "$(without_size <<< "$inside")" = "$(without_size <<< "$before")" ]
  check "... and their sizes, but for the last on the disk (p$last), which may shrink" \
    [ "$(awk -v l="$last" '$1 != l' <<< "$inside" | sort -n)" = "$(awk -v l="$last" '$1 != l' <<< "$before" | sort -n)" ]
  check "p$last: $(size_of "$last" <<< "$inside") sectors, at most its $(size_of "$last" <<< "$before") before" \
    [ "$(size_of "$last" <<< "$inside")" -le "$(size_of "$last" <<< "$before")" ]
  check_xcpng_volumes
  local entries; entries=$(fact grub_entries)
  check "grub.cfg: each of its $entries entries boots root=LABEL=$LAB_ROOT_LABEL, searched by label, with rd.auto" \
    [ "$entries $entries $entries" = "$(fact grub_root_label) $(fact grub_search_label) $(fact grub_rd_auto)" ]
  check "fstab names the original labels" grep -qx "fstab=LABEL=$LAB_ROOT_LABEL / ext3" <<< "$FACTS"
  check "fstab: /var/log by label" grep -qx "fstab=LABEL=$LAB_LOGS_LABEL /var/log ext3" <<< "$FACTS"
  check "fstab: swap by label" grep -qx "fstab=LABEL=$LAB_SWAP_LABEL swap swap" <<< "$FACTS"
  check "the inventory names md127 as the installer does ($(fact inventory_PRIMARY_DISK))" \
    matches "$(fact inventory_PRIMARY_DISK)" '/dev/disk/by-id/md-* -> /dev/md127'
  check "... and its backup partition ($(fact inventory_BACKUP_PARTITION))" \
    matches "$(fact inventory_BACKUP_PARTITION)" '/dev/disk/by-id/md-*-part2 -> /dev/md127p2'
  check "/etc/mdadm.conf lists the array ($(fact mdadm_conf_array) ARRAY line)" [ "$(fact mdadm_conf_array)" = 1 ]
  check "GRUB's boot code in both MBRs, the same" [ "$(fact mbr_a) $(fact mbr_grub_a)" = "$(fact mbr_b) 1" ]
  check "markers intact" "$VM" check-markers "$vm"
  local k; k=$(serial_kernels "$vm")
  check "exactly $reboots reboot(s) (serial console: $k kernels)" [ "$k" -eq $(( reboots + 1 )) ]
}

scenario_xcpng_convert() {
  convert_available || { fail "$CONVERT_MISSING"; return 1; }
  local vm=run-xcpng-convert rc before
  must "XCP-ng-shaped base image (build-xcpng)" lab_time "xcpng-convert: build-xcpng" "$LAB_DIR/build-xcpng" > /dev/null || return 1
  must "VM started (--host xcpng)" vm_fresh "$vm" --host xcpng || return 1
  must "VM booted through GRUB2 and Xen (kernel on the console, then ssh)" wait_boot "$vm" 1 1200 600 || return 1
  FACTS=$(xcpng_guest_facts "$vm") || { fail "no facts from $vm over ssh"; return 1; }
  printf '%s\n' "$FACTS" > "$SCN_DIR/facts-before.txt"
  local a b; a=$(fact name_a) b=$(fact name_b)
  before=$(facts_all "part_$a")
  check "before: disk A ($a) has the six partitions ($(awk '{ print $1 }' <<< "$before" | paste -sd ' ' -))" \
    [ "$(grep -c . <<< "$before")" -eq 6 ]
  check "before: / on ${a}1" [ "$(fact root)" = "/dev/${a}1" ]
  # the reboot is a Xen boot under TCG: several minutes (xsraid's default wait, 900 s, is too short here)
  lab_convert "$vm" --target "/dev/$b" --reboot-timeout 2400 2>&1 | tee "$SCN_DIR/convert.log"
  rc=${PIPESTATUS[0]}
  must "xsraid convert exited 0 (exit $rc)" [ "$rc" -eq 0 ] || return 1
  check_xcpng_mirror "$vm" 1 "$before"
  "$VM" stop "$vm" 300 || fail "clean power-off"
  scn_passed
}

# xcpng_lose LOST: a clone of this run's converted XCP-ng host boots with disk LOST left out.
xcpng_lose() {
  local lost=$1 keep src vm=run-xcpng-lose-$1
  case $lost in b) keep=a ;; *) keep=b ;; esac
  src=$(cat "$LAB_OUT/state/converted-xcpng-convert" 2>/dev/null)
  boot_alone "$lost" "$src" "$vm" 1500 600 || return 1
  FACTS=$(xcpng_guest_facts "$vm") || { fail "no facts over ssh"; return 1; }
  printf '%s\n' "$FACTS" > "$SCN_DIR/facts.txt"
  xcpng_labels "$vm"
  check "the only disk is disk $keep, as sda (disk A: $(fact name_a), disk B: $(fact name_b))" \
    [ "$(fact "name_$keep"),$(fact "name_$lost")" = sda, ]
  check "md127 runs degraded on sda alone (state $(fact md_state), $(fact md_active)/$(fact md_raid_devices), members $(facts_all md_member | paste -sd ' ' -))" \
    matches "$(fact md_state) $(fact md_active)/$(fact md_raid_devices) $(facts_all md_member | paste -sd ' ' -)" \
      '@(clean|active), degraded 1/2 sda' 
  check_xcpng_volumes
  lab_break_marker "$vm"
  check "markers intact" "$VM" check-markers "$vm"
  "$VM" kill "$vm"
  scn_passed
}

scenario_xcpng_lose_b() { xcpng_lose b; }
scenario_xcpng_lose_a() { xcpng_lose a; }
