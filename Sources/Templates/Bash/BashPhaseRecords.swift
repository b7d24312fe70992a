import Model

/// The runtime of phase prerequisites, in the scripts of procedures where a
/// phase requires another: a completed phase leaves a record (the values of
/// its parameters, hex-encoded, secrets left out) in the state folder, e.g.
/// `${HOME}/.gen-migration/pachyderm/pachyderm.new-cluster.done`; a phase
/// that requires it refuses to start (exit 3) without a record made with the
/// same values of the parameters it names; starting a phase again removes
/// its record and those of the phases that depend on it.
enum BashPhaseRecords {
  private typealias C = ScriptContract
  private typealias E = ExitStatusNames

  static let text = #"""
    # ---------------------------------------------------------------------------
    # Phase records: a phase that requires another runs only after it completed.
    # ---------------------------------------------------------------------------

    # \#(C.phaseComplete) PHASE: every step of PHASE completed in this run's
    # state (or is optional and off).
    \#(C.phaseComplete)() {
      local index flag
      for index in "${!\#(C.stepIDs)[@]}"; do
        [[ ${\#(C.stepPhases)[index]} == "$1" ]] || continue
        flag=${\#(C.stepEnabledBy)[index]}
        [[ -n ${flag} && ${!flag} != yes ]] && continue
        [[ -n ${COMPLETED[${\#(C.stepIDs)[index]}]-} ]] || return 1
      done
    }

    # \#(C.recordPhase) PHASE FILE NAME...: once PHASE completed, writes FILE
    # (through a temporary file and a rename, so it is whole or absent): a
    # line with PHASE, then the value of each parameter NAME. A FILE already
    # there was written by this run: \#(C.forgetPhaseRecords) removed older ones.
    \#(C.recordPhase)() {
      local phase=$1 file=$2 name
      shift 2
      [[ ! -f ${file} ]] || return 0
      \#(C.phaseComplete) "${phase}" || return 0
      if mkdir -p -- "${file%/*}" && {
        printf 'phase %s\n' "${phase}"
        for name in "$@"; do
          input_line "${name}" && printf '%s\n' "${INPUT_LINE}"
        done
      } >"${file}.partial" && mv -f -- "${file}.partial" "${file}"; then
        record "Phase ${phase} completed: recorded in ${file}"
      else
        warn "phase ${phase} completed, but its record ${file} could not be written: the phases that require it will refuse to start until it is (make its folder writable, then run '${\#(C.scriptName)} ${phase} --resume')"
      fi
    }

    # \#(C.requirePhase) PHASE REQUIRED FILE NAME...: PHASE runs only after
    # REQUIRED completed (earlier in this run, or as FILE records) with the
    # values of the parameters NAME this run has; otherwise exits 3.
    \#(C.requirePhase)() {
      local phase=$1 required=$2 file=$3 line name stored
      local -A recorded=()
      local -a differ=()
      shift 3
      if \#(C.phaseSelected) "${required}"; then
        say "  ok: phase ${required} runs before phase ${phase} in this run"
        return 0
      fi
      if [[ ! -f ${file} ]]; then
        die "${\#(E.preflight)}" "preflight failed: phase ${phase} runs only after phase ${required} completed, and ${file} records no completed run of it. Run '${\#(C.scriptName)} ${required}' first (a record made on another machine can be copied there)"
      fi
      while IFS= read -r line || [[ -n ${line} ]]; do
        [[ ${line} == 'input '* ]] || continue
        line=${line#input }
        recorded[${line%% *}]=${line#* }
      done <"${file}"
      for name in "$@"; do
        input_line "${name}"
        stored=${recorded[${name}]-}
        [[ ${INPUT_LINE} == "input ${name} ${stored}" ]] && continue
        hex_decode "${stored#value:}"
        differ+=("${name}: ${TEXT@Q} when phase ${required} completed, ${!name@Q} now")
      done
      if ((${#differ[@]} > 0)); then
        warn "phase ${required} completed with other values than this run's (${file}):"
        printf '  %s\n' "${differ[@]}" >&2
        die "${\#(E.preflight)}" "preflight failed: phase ${phase} runs only after phase ${required} completed with the same values; give those values, or run phase ${required} again with these"
      fi
      say "  ok: phase ${required} completed with the same values (${file})"
    }

    # \#(C.forgetPhases) FILE...: removes the records of phases that are about
    # to run again, and of the phases that depend on them.
    \#(C.forgetPhases)() {
      rm -f -- "$@"
    }

    """#
}
