#!/bin/sh
# markers-meta.sh DIR: prints the metadata of a marker tree in a stable order, for a diff against the list
# recorded at build time. POSIX sh + GNU find + getfattr (attr): runs on the build machine and in the guest,
# with a handful of processes (forks are slow under TCG).
# Lines: f MODE UID:GID LINKS SIZE MTIME PATH | d MODE UID:GID PATH | l PATH -> TARGET | x PATH NAME=VALUE
set -eu
cd "$1"
export LC_ALL=C
{
  find . -type f -printf 'f %m %U:%G %n %s %T@ %p\n' -o -type d -printf 'd %m %U:%G %p\n' \
    -o -type l -printf 'l %p -> %l\n'
  getfattr -R -h -d -m '^user\.' . 2>/dev/null |
    awk '/^# file: / { sub(/^# file: /, ""); f = $0; next } NF { print "x " f " " $0 }'
} | sort
