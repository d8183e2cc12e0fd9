#!/bin/sh
# markers-meta.sh DIR: prints the metadata of a marker tree in a stable order, for a diff against the list
# recorded at build time. POSIX sh + GNU find + getfattr (attr): runs on the build machine and in the guest.
# Lines: f MODE UID:GID LINKS SIZE MTIME PATH | d MODE UID:GID PATH | l PATH -> TARGET | x PATH ATTRS
set -eu
cd "$1"
export LC_ALL=C
find . -type f -printf 'f %m %U:%G %n %s %T@ %p\n' -o -type d -printf 'd %m %U:%G %p\n' \
  -o -type l -printf 'l %p -> %l\n' | sort
find . -type f | sort | while IFS= read -r p; do
  attrs=$(getfattr -h -d -m '^user\.' -- "$p" 2>/dev/null | grep -v '^#' | grep . | sort | tr '\n' ' ' || true)
  [ -z "$attrs" ] || printf 'x %s %s\n' "$p" "$attrs"
done
