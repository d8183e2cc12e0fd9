# shellcheck shell=bash
# scenario `xcpng-bios`: the XCP-ng-shaped lab host (build-xcpng: Debian 12 as a PV dom0 under Xen, GRUB2 on BIOS
# from a grub.cfg in the installer's format, dracut, XCP-ng 8.x's six partitions). What xsraid does with it today:
# it reads it over SSH (inspect) and plans its whole-disk md127 conversion (plan only) with both disks unchanged.
# And what the conversion of such a host will rely on, proven here: the host boots by itself through GRUB2 and Xen
# with / on p1, /var/log on p5 and swap on p6 (its dracut initrd has md support: build-xcpng checks), and when dom0 crashes, Xen resets the
# machine by itself and the host comes back (the roll-back of a failed first boot of the mirror).

# matches VALUE GLOB: VALUE matches the shell pattern GLOB.
# shellcheck disable=SC2053 # the pattern is meant as a glob
matches() { [[ $1 == $2 ]]; }

xcpng_facts() {
  # ssh answers before systemd has finished booting (swap on its label may still be pending): wait for that first.
  # shellcheck disable=SC2016 # expanded in the guest
  vssh "$1" 'timeout 600 systemctl is-system-running --wait >/dev/null 2>&1
    echo "hypervisor=$(cat /sys/hypervisor/type 2>/dev/null)"
    echo "root=$(findmnt -no SOURCE /)"; echo "root_label=$(findmnt -no LABEL /)"
    echo "logs=$(findmnt -no SOURCE /var/log)"; echo "logs_label=$(findmnt -no LABEL /var/log)"
    echo "swap=$(swapon --show=NAME --noheadings)"
    echo "cmdline=$(cat /proc/cmdline)"
    echo "inventory_version=$(sed -n "s/^PRODUCT_VERSION=.\(.*\).$/\1/p" /etc/xensource-inventory)"'
}

# Under TCG a Xen boot is slow (the hypervisor, then a PV dom0 whose page-table updates all go through it): seen
# here 4-8 minutes to ssh with the machine's two cores shared, so the waits are generous (hang detectors).
scenario_xcpng_bios() {
  local vm=run-xcpng-bios
  must "XCP-ng-shaped base image (build-xcpng)" lab_time "xcpng-bios: build-xcpng" "$LAB_DIR/build-xcpng" > /dev/null || return 1
  must "VM started (--host xcpng)" vm_fresh "$vm" --host xcpng || return 1
  must "VM booted through GRUB2 and Xen (kernel on the console, then ssh)" wait_boot "$vm" 1 1200 600 || return 1
  FACTS=$(xcpng_facts "$vm") || { fail "no facts from $vm over ssh"; return 1; }
  printf '%s\n' "$FACTS" > "$SCN_DIR/facts.txt"
  local a b
  { a=$(disk_of "$vm" a) && b=$(disk_of "$vm" b); } || { fail "disks A and B not found in the guest"; return 1; }
  note "disk A = /dev/$a, disk B = /dev/$b"
  check "dom0 runs under Xen (hypervisor=$(fact hypervisor))" [ "$(fact hypervisor)" = xen ]
  check "Xen on the serial console" grep -q 'Xen version' "$LAB_VMS/$vm/serial.log"
  check "/ on p1 of disk A ($(fact root))" [ "$(fact root)" = "/dev/${a}1" ]
  check "/ labelled root-XXXXXX ($(fact root_label))" matches "$(fact root_label)" 'root-[a-z][a-z][a-z][a-z][a-z][a-z]'
  check "/var/log on p5 ($(fact logs))" [ "$(fact logs)" = "/dev/${a}5" ]
  check "/var/log labelled logs-XXXXXX ($(fact logs_label))" matches "$(fact logs_label)" 'logs-[a-z][a-z][a-z][a-z][a-z][a-z]'
  check "swap on p6 ($(fact swap))" [ "$(fact swap)" = "/dev/${a}6" ]
  check "booted from the installer's grub.cfg (root=LABEL=root-*, dom0 console hvc0)" \
    matches "$(fact cmdline)" '*root=LABEL=root-*console=hvc0*'
  check "the inventory says XCP-ng 8.2.1" [ "$(fact inventory_version)" = 8.2.1 ]
  check "markers intact" "$VM" check-markers "$vm"

  xsraid_host_args "$vm"
  xsraid inspect "${HOST_ARGS[@]}" > "$SCN_DIR/inspect.out" 2>&1
  check "xsraid inspect over SSH reads it (exit $?)" grep -q "boot code: grub2" "$SCN_DIR/inspect.out"
  check "inspect: 6 partitions, p4 BIOS boot, root- on p1" \
    grep -Eq '^\| 4 .*EF02 BIOS boot' "$SCN_DIR/inspect.out"
  must "guest quiet (swap off, / read-only)" xcpng_quiet "$vm" || return 1
  # xsraid plans the installer's RAID shape for it (the conversion itself does not run in the lab yet: planned, not
  # proven); the plan writes nothing
  refusal "$vm" xcpng 0 "" --target "/dev/$b"
  check "the plan is the whole-disk /dev/md127 for XCP-ng 8.2.1" \
    grep -q "XCP-ng 8.2.1" "$SCN_DIR/xcpng-plan.out" && grep -q "/dev/md127" "$SCN_DIR/xcpng-plan.out"

  # dom0 crashes: Xen resets the machine by itself ("Hardware Dom0 crashed: rebooting machine") and the host is back.
  vssh "$vm" 'echo 1 > /proc/sys/kernel/sysrq; nohup sh -c "sleep 1; echo c > /proc/sysrq-trigger" >/dev/null 2>&1 &' || true
  check "after a dom0 crash the host comes back by itself (second kernel, ssh)" wait_boot "$vm" 2 1200 600
  check "Xen reset the machine because dom0 crashed" grep -q 'Dom0 crashed' "$LAB_VMS/$vm/serial.log"
  "$VM" kill "$vm"
  scn_passed
}

# xcpng_quiet VM: the guest stops writing (as quiet_guest; /var/log is a filesystem of its own here).
xcpng_quiet() {
  vssh "$1" 'swapoff -a && journalctl --relinquish-var && sync && mount -o remount,ro /var/log && mount -o remount,ro / && sync && findmnt -no OPTIONS /' \
    | grep -q '^ro,'
}
