# bash completion for xsraid. The candidates come from xsraid itself: System.CommandLine's [suggest:N] directive
# prints the commands, options and option values that fit the command line up to the cursor.
# Use: `source completions/xsraid.bash` (e.g. from ~/.bashrc), or copy this file to /etc/bash_completion.d/xsraid.
_xsraid_complete() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local line=${COMP_LINE:0:COMP_POINT}
    local IFS=$'\n'
    # the words after the program's own name, which may be a path (./xsraid)
    if [[ $line != *[[:space:]]* ]]; then
        return 0
    fi
    line=${line#*[[:space:]]}
    local candidates
    candidates=$("${COMP_WORDS[0]}" "[suggest:${#line}]" "$line" 2>/dev/null) || return 0
    # shellcheck disable=SC2207 # one candidate a line, split on IFS (newline) on purpose
    COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
}
complete -o default -F _xsraid_complete xsraid
