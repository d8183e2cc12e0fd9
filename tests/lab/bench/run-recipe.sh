# shellcheck shell=bash
# run-recipe.sh FILE A B (in the guest, by bash): runs FILE's lines one by one in this one shell, as pasted into a
# terminal (a failing line does not stop the next), with /dev/A and /dev/B replaced by disk A's and disk B's names.
# Prints "RECIPE-LINE rc: line" on stderr for each line that exited non-zero.
while IFS= read -r line; do
  case $line in ''|'#'*) continue ;; esac
  line=${line//\/dev\/A/\/dev\/$2}
  line=${line//\/dev\/B/\/dev\/$3}
  eval "$line" < /dev/null
  rc=$?
  [ "$rc" -eq 0 ] || printf 'RECIPE-LINE %s: %s\n' "$rc" "$line" >&2
done < "$1"
