# Sourced by the stubs and tool doubles: send_signal delivers STUB_SIGNAL
# (INT, TERM or KILL) to the generated script, the outermost bash running
# migrate.sh among the caller's ancestors: INT to its process group, as
# Ctrl-C at its terminal; TERM to the script alone, as `kill PID`; KILL to
# the script and every process under it at once, as when its machine or
# session dies. Builtins only: the real tools may be stubbed.
# shellcheck shell=bash
# send_signal: what STUB_SIGNAL says, to the script (the outermost bash
# running migrate.sh among this call's ancestors).
send_signal() {
  local -A parent=()
  local entry stat pid script="" command_line
  for entry in /proc/[0-9]*; do
    read -r stat 2>/dev/null <"${entry}/stat" || continue
    stat=${stat##*) }
    read -r _ stat _ <<<"${stat}"
    parent[${entry#/proc/}]=${stat}
  done
  pid=$$
  while ((pid > 1)) && [[ -n ${parent[${pid}]-} ]]; do
    if [[ $(<"/proc/${pid}/comm") == bash ]]; then
      mapfile -d '' command_line <"/proc/${pid}/cmdline"
      [[ " ${command_line[*]} " == *migrate.sh* ]] && script=${pid}
    fi
    pid=${parent[${pid}]}
  done
  [[ -n ${script} ]] || return 0
  case ${STUB_SIGNAL} in
    INT)
      # The script's process group, when it leads one (as under a terminal).
      read -r stat <"/proc/${script}/stat"
      stat=${stat##*) }
      read -r _ _ stat _ <<<"${stat}"
      if [[ ${stat} == "${script}" ]]; then kill -INT -- "-${script}"; else kill -INT "${script}"; fi
      ;;
    TERM) kill -TERM "${script}" ;;
    KILL)
      # Every process whose ancestors include the script, the script first:
      # killed after its children, it could still react to their end (run
      # its error handler, start a cleanup) in the moment between the two.
      local -a tree=()
      for entry in "${!parent[@]}"; do
        pid=${entry}
        while ((pid > 1)) && [[ ${pid} != "${script}" && -n ${parent[${pid}]-} ]]; do
          pid=${parent[${pid}]}
        done
        [[ ${pid} == "${script}" && ${entry} != "${script}" && ${entry} != "$$" ]] && tree+=("${entry}")
      done
      kill -KILL "${script}" "${tree[@]}" "$$" 2>/dev/null
      ;;
  esac
}
