#!/bin/bash
# markers.sh DIR: fills DIR (empty, on the image's root) with the marker tree the scenarios check after
# every boot: a few hundred files of varied sizes, three of a few MB, a sparse file, hard links, symlinks,
# names with spaces and UTF-8, odd modes and owners, user xattrs. Contents are random (made once per build);
# markers-meta.sh and sha256sum record them.
set -euo pipefail
d=$1
mkdir -p "$d"
cd "$d"
for i in $(seq 1 320); do
  sub=dir$(( i % 8 ))/sub$(( i % 3 ))
  mkdir -p "$sub"
  size=$(( (i * 7919) % 65537 ))
  (( i % 10 == 0 )) && size=$(( size * 4 ))
  head -c "$size" /dev/urandom > "$sub/file-$i.bin"
done
mkdir -p big "with spaces" links xattr empty-dir
head -c $((1024 * 1024)) /dev/urandom > big/blob-1M.bin
head -c $((3 * 1024 * 1024)) /dev/urandom > big/blob-3M.bin
head -c $((5 * 1024 * 1024 + 123)) /dev/urandom > big/blob-5M.bin
truncate -s 8M big/sparse-8M.img
head -c 4096 /dev/urandom | dd of=big/sparse-8M.img bs=4096 seek=1536 conv=notrunc status=none
: > empty-file
echo "a file with spaces in its name" > "with spaces/name with  two spaces.txt"
echo "utf-8 name" > "with spaces/grüße-ünïcode.txt"
echo "hard linked three times" > links/hard-1
ln links/hard-1 links/hard-2
ln links/hard-1 dir0/hard-3
ln -s ../big/blob-3M.bin links/symlink-to-blob
ln -s does-not-exist links/dangling-symlink
echo "private" > links/mode-0640-uid-1234
chmod 0640 links/mode-0640-uid-1234
chown 1234:2345 links/mode-0640-uid-1234
for i in 1 2 3; do
  echo "xattr file $i" > "xattr/x$i"
  setfattr -n user.lab.marker -v "value-$i" "xattr/x$i"
done
setfattr -n user.lab.second -v "0xdeadbeef" xattr/x1
# whole-second mtimes, so a copy that keeps only seconds still compares equal
find . -type f -exec touch -h -d @1421755200 {} +
