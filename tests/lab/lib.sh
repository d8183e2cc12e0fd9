# shellcheck shell=bash
# tests/lab/lib.sh: helpers shared by the lab scripts (sourced, never run).
# Only generic plumbing lives here (paths, logging, tool install, recipe key, loop devices, timing);
# what the image looks like is defined by build-base and image/*. lib.sh is part of the recipe key
# anyway, so a change here can never leave a stale image in use.

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_CACHE=${LAB_CACHE:-$LAB_DIR/cache}
LAB_OUT=${LAB_OUT:-$LAB_DIR/out}
# shellcheck disable=SC2034 # used by vm
LAB_VMS=$LAB_OUT/vms

# The files that define the base image. Their names and contents make the cache key.
LAB_RECIPE_FILES=(build-base lib.sh image/debootstrap.conf image/layout.conf image/configure-common.sh image/configure.sh
                  image/markers.sh image/markers-meta.sh)
# The same for the XCP-ng-shaped host (build-xcpng).
# shellcheck disable=SC2034 # used by build-xcpng
LAB_XCPNG_RECIPE_FILES=(build-xcpng lib.sh xcpng/debootstrap.conf xcpng/layout.conf image/configure-common.sh
                        xcpng/configure.sh image/markers.sh image/markers-meta.sh)

lab_log() { printf '[lab %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
lab_die() { printf '[lab] error: %s\n' "$*" >&2; exit 1; }

lab_require_root() {
  [ "$(id -u)" -eq 0 ] || lab_die "run as root (it uses apt-get, losetup, mount, chroot)"
}

# Host tools, and the Debian package that provides each (command=package):
#   qemu-system-x86_64=qemu-system-x86 (the VM, TCG), qemu-img=qemu-utils (overlays),
#   debootstrap=debootstrap (the guest root), sgdisk=gdisk (GPT), extlinux=extlinux (boot sector),
#   gptmbr.bin=syslinux-common (MBR boot code), mkfs.ext3=e2fsprogs, ssh/ssh-keygen=openssh-client,
#   setfattr/getfattr=attr (marker xattrs), pvcreate/vgcfgrestore=lvm2 (SR variant of disk A),
#   ss=iproute2 (free port), losetup/flock=util-linux.
# Only the missing packages are installed, with --no-install-recommends, after one `apt-get update`.
LAB_HOST_TOOLS=(qemu-system-x86_64=qemu-system-x86 qemu-img=qemu-utils debootstrap=debootstrap
                sgdisk=gdisk extlinux=extlinux /usr/lib/syslinux/mbr/gptmbr.bin=syslinux-common
                mkfs.ext3=e2fsprogs ssh=openssh-client ssh-keygen=openssh-client setfattr=attr
                getfattr=attr pvcreate=lvm2 vgcfgrestore=lvm2 ss=iproute2 losetup=util-linux
                flock=util-linux)

lab_install_tools() {
  local entry tool pkg missing=()
  for entry in "${LAB_HOST_TOOLS[@]}"; do
    tool=${entry%%=*} pkg=${entry#*=}
    if [[ $tool == /* ]]; then [ -e "$tool" ] && continue
    else command -v "$tool" >/dev/null 2>&1 && continue; fi
    [[ " ${missing[*]} " == *" $pkg "* ]] || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  lab_require_root
  lab_log "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# sha256 over the names and contents of the given files (relative to LAB_DIR), in the given order.
lab_hash_files() {
  local f
  for f in "$@"; do
    [ -f "$LAB_DIR/$f" ] || lab_die "recipe file missing: $f"
    printf '%s %s\n' "$(sha256sum < "$LAB_DIR/$f" | cut -d' ' -f1)" "$f"
  done | sha256sum | cut -c1-16
}

lab_recipe_key() { lab_hash_files "${LAB_RECIPE_FILES[@]}"; }

# The complete cache directory of the current recipe, or fail with a hint.
lab_base_dir() {
  local dir
  dir=$LAB_CACHE/$(lab_recipe_key)
  [ -f "$dir/complete" ] || lab_die "no finished base image for this recipe ($dir): run tests/lab/build-base"
  printf '%s\n' "$dir"
}

# The complete cache directory of the XCP-ng-shaped host's current recipe (build-xcpng), or fail with a hint.
lab_xcpng_base_dir() {
  local dir
  dir=$LAB_CACHE/xcpng-$(lab_hash_files "${LAB_XCPNG_RECIPE_FILES[@]}")
  [ -f "$dir/complete" ] || lab_die "no finished XCP-ng-shaped base image for this recipe ($dir): run tests/lab/build-xcpng"
  printf '%s\n' "$dir"
}

# The Debian mirror this machine's apt already uses for SUITE (deb822 or one-line sources), or $LAB_MIRROR.
lab_debian_mirror() {
  local suite=$1
  if [ -n "${LAB_MIRROR:-}" ]; then printf '%s\n' "$LAB_MIRROR"; return; fi
  local uri
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk -v s="$suite" '
      /^[[:space:]]*$/ { if (ok && u != "") { print u; exit } ok = 0; u = ""; next }
      /^URIs:/   { u = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == s) ok = 1 }
      END        { if (ok && u != "") print u }' | head -n 1)
  if [ -z "$uri" ]; then
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk -v s="$suite" '
      $1 == "deb" { i = 2; if ($2 ~ /^\[/) { while ($i !~ /\]$/) i++; i++ } if ($(i + 1) == s) { print $i; exit } }')
  fi
  [ -n "$uri" ] || lab_die "no apt source for $suite found; set LAB_MIRROR"
  printf '%s\n' "$uri"
}

# Loop devices and mounts made by this process, undone by lab_cleanup (install it with trap ... EXIT).
LAB_LOOPS=()
LAB_MOUNTS=()

# lab_loop VAR FILE START_SECTOR SECTORS: sets VAR to a new loop device over that byte range (no partition
# parser needed). Not a $(...) function: the device must be recorded in this shell for lab_cleanup.
lab_loop() {
  local dev
  dev=$(losetup --find --show --offset $(( $3 * 512 )) --sizelimit $(( $4 * 512 )) "$2")
  LAB_LOOPS+=("$dev")
  printf -v "$1" '%s' "$dev"
}

lab_mount() {
  mount "$@"
  LAB_MOUNTS+=("${!#}")
}

lab_cleanup() {
  local i
  for (( i = ${#LAB_MOUNTS[@]} - 1; i >= 0; i-- )); do
    if mountpoint -q "${LAB_MOUNTS[i]}"; then
      umount -R "${LAB_MOUNTS[i]}" 2>/dev/null || umount -R -l "${LAB_MOUNTS[i]}" || true
    fi
  done
  LAB_MOUNTS=()
  for i in "${LAB_LOOPS[@]}"; do
    losetup -d "$i" 2>/dev/null || true
  done
  LAB_LOOPS=()
}

# lab_part_info N IMAGE -> "START SECTORS GUID" of partition N (sgdisk -i)
lab_part_info() {
  sgdisk -i "$1" "$2" | awk '/^First sector:/ { s = $3 } /^Partition size:/ { n = $3 }
                             /^Partition unique GUID:/ { g = $4 } END { print s, n, g }'
}

# lab_install_ssh_keys DIR ROOT: a fresh host key in ROOT (its public half kept in DIR/host_key.pub) and the lab's
# client key pair DIR/lab_key, authorised for root.
lab_install_ssh_keys() {
  local dir=$1 mnt=$2
  rm -f "$mnt"/etc/ssh/ssh_host_*
  ssh-keygen -q -t ed25519 -N '' -C "lab-host" -f "$mnt/etc/ssh/ssh_host_ed25519_key"
  cp "$mnt/etc/ssh/ssh_host_ed25519_key.pub" "$dir/host_key.pub"
  ssh-keygen -q -t ed25519 -N '' -C "lab-client" -f "$dir/lab_key"
  install -d -m 700 "$mnt/root/.ssh"
  install -m 600 "$dir/lab_key.pub" "$mnt/root/.ssh/authorized_keys"
}

# lab_chroot_configure DIR ROOT SCRIPT VAR=VALUE...: runs image/configure-common.sh then SCRIPT in ROOT (a chroot
# with /proc /sys /dev bound) with only the given variables; the log goes to DIR/configure.log.
lab_chroot_configure() {
  local dir=$1 mnt=$2 script=$3 p
  shift 3
  for p in proc sys dev; do lab_mount --bind "/$p" "$mnt/$p"; done
  chroot "$mnt" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@" \
    /bin/sh -s < <(cat "$LAB_DIR/image/configure-common.sh" "$script") > "$dir/configure.log" 2>&1 \
    || { tail -n 30 "$dir/configure.log" >&2; lab_die "${script##*/} failed in the chroot"; }
  for p in dev sys proc; do umount "$mnt/$p"; done
}

# lab_make_markers DIR ROOT: the marker tree in ROOT, its checksums and metadata listing in DIR.
lab_make_markers() {
  "$LAB_DIR/image/markers.sh" "$2$LAB_MARKERS_DIR"
  (cd "$2$LAB_MARKERS_DIR" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) > "$1/markers.sha256"
  sh "$LAB_DIR/image/markers-meta.sh" "$2$LAB_MARKERS_DIR" > "$1/markers.meta"
}

# Directories under which anything still mounted is unmounted on exit (debootstrap's chroots, a partial build), by
# lab_build_cleanup: the builders' EXIT trap, which then undoes this process's loops and mounts (lab_cleanup).
LAB_UNDER=()
lab_build_cleanup() {
  local d
  for d in "${LAB_UNDER[@]}"; do
    awk -v p="$d/" 'index($2, p) == 1 { print $2 }' /proc/mounts | sort -r | while IFS= read -r m; do
      umount -l "$m" || true
    done
  done
  lab_cleanup
}

# lab_time LABEL CMD...: runs CMD, prints and records (out/timings.log) how long it took.
lab_time() {
  local label=$1 start rc=0
  shift
  start=$(date +%s.%N)
  "$@" || rc=$?
  local secs
  secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  mkdir -p "$LAB_OUT"
  printf '%s\t%s\t%s s\trc=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$label" "$secs" "$rc" >> "$LAB_OUT/timings.log"
  lab_log "$label: ${secs} s (rc=$rc)"
  return "$rc"
}
