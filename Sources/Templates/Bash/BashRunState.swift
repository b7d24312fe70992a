import Model

/// The fixed part of every script that keeps a record of a run: the state
/// file (completed steps, appended as whole lines so a crash at any moment
/// leaves it readable), the log (everything the terminal shows, through
/// `tee`, plus timestamped step records), the lock, and the exit and signal
/// handlers.
enum BashRunState {
  private typealias C = ScriptContract
  private typealias O = ScriptOptionNames
  private typealias E = ExitStatusNames

  static let text = #"""
    # ---------------------------------------------------------------------------
    # Run state: the state file, the log, the lock, exit and signals.
    # ---------------------------------------------------------------------------

    # The tools the script itself runs besides builtins.
    RUNTIME_TOOLS=(tee rm mkdir)

    declare -A COMPLETED=()
    ACTIVE_CLEANUPS=()
    LOCK_FILE=''
    LOCK_HELD=0
    TEE_PIDS=()
    GROUP_PIDS=()
    STATE_FD=''

    # NOW is the current time, formatted by bash itself once per second.
    NOW=''
    NOW_SECOND=''

    # record MESSAGE...: one timestamped line on the terminal and in the log.
    record() {
      if [[ ${EPOCHSECONDS} != "${NOW_SECOND}" ]]; then
        NOW_SECOND=${EPOCHSECONDS}
        printf -v NOW '%(%Y-%m-%dT%H:%M:%S%z)T' "${NOW_SECOND}"
      fi
      printf '%s %s\n' "${NOW}" "$*"
    }

    # state_write WORDS...: appends one whole line to the state file, through
    # a descriptor kept open for the run (one write per line, no reopening).
    state_write() {
      if [[ ${EPOCHSECONDS} != "${NOW_SECOND}" ]]; then
        NOW_SECOND=${EPOCHSECONDS}
        printf -v NOW '%(%Y-%m-%dT%H:%M:%S%z)T' "${NOW_SECOND}"
      fi
      printf '%s %s\n' "$*" "${NOW}" >&"${STATE_FD}"
    }

    # load_state: fills COMPLETED from the state file and sets STATE_MODEL and
    # STATE_UNFINISHED (an earlier run stopped with steps completed).
    load_state() {
      local kind id rest
      COMPLETED=()
      STATE_MODEL=''
      STATE_UNFINISHED=0
      [[ -f ${\#(O.stateFile)} ]] || return 0
      while read -r kind id rest; do
        case ${kind} in
          model) STATE_MODEL=${id} ;;
          completed)
            COMPLETED[${id}]=1
            STATE_UNFINISHED=1
            ;;
          undone) unset "COMPLETED[${id}]" ;;
          run-finished) STATE_UNFINISHED=0 ;;
        esac
      done <"${\#(O.stateFile)}"
    }

    # prepare_state: decides, from the state file and the options, whether this
    # run starts afresh, carries on (--resume), or must be told which.
    prepare_state() {
      mkdir -p "${\#(O.stateFile)%/*}"
      ((\#(O.restart))) || load_state
      if ((\#(O.restart))) || [[ ! -s ${\#(O.stateFile)} ]]; then
        COMPLETED=()
        printf 'model %s %s %s\n' "${\#(C.modelFingerprint)}" "${\#(C.procedureID)}" "${\#(C.procedureVersion)}" >"${\#(O.stateFile)}"
      elif ((\#(O.resume))); then
        if [[ ${STATE_MODEL} != "${\#(C.modelFingerprint)}" ]] && ((!\#(O.forceResume))); then
          die "${\#(E.usage)}" "${\#(O.stateFile)} was written by a script generated from another model (${STATE_MODEL:-unknown}, this one is ${\#(C.modelFingerprint)}); resume anyway with --force-resume, or start over with --restart"
        fi
      elif ((STATE_UNFINISHED)) && ((!\#(O.selectionGiven))); then
        die "${\#(E.usage)}" "an earlier run stopped before it finished (${#COMPLETED[@]} steps completed, see ${\#(O.stateFile)}); carry on with --resume, or start over with --restart"
      elif ((!\#(O.selectionGiven))); then
        COMPLETED=()
        printf 'model %s %s %s\n' "${\#(C.modelFingerprint)}" "${\#(C.procedureID)}" "${\#(C.procedureVersion)}" >"${\#(O.stateFile)}"
      fi
      ((\#(O.resume))) || COMPLETED=()
      exec {STATE_FD}>>"${\#(O.stateFile)}"
      state_write "run-started pid=$$ phases=${\#(C.selectedPhases)[*]// /,}"
    }

    # acquire_lock: one run at a time per state file; a lock whose process is
    # gone is taken over.
    acquire_lock() {
      LOCK_FILE="${\#(O.stateFile)}.lock"
      local holder host
      mkdir -p "${LOCK_FILE%/*}"
      while true; do
        if (set -o noclobber && printf '%s %s\n' "$$" "${HOSTNAME-}" >"${LOCK_FILE}") 2>/dev/null; then
          LOCK_HELD=1
          return 0
        fi
        holder=''
        host=''
        read -r holder host <"${LOCK_FILE}" 2>/dev/null || true
        if [[ -n ${holder} && ${host} == "${HOSTNAME-}" ]] && ! kill -0 "${holder}" 2>/dev/null; then
          warn "taking over the lock ${LOCK_FILE} from process ${holder}, which is no longer running"
          rm -f "${LOCK_FILE}"
          continue
        fi
        [[ -z ${holder} ]] && continue
        die "${\#(E.locked)}" "another run holds the lock ${LOCK_FILE}: process ${holder} on ${host:-this host}; wait for it to finish (if it is gone, remove the lock file)"
      done
    }

    # open_log: from here on, everything printed also goes to the log.
    open_log() {
      mkdir -p "${\#(O.logFile)%/*}"
      exec 3>&1 4>&2
      exec > >(trap '' INT TERM && exec tee -a "${\#(O.logFile)}")
      TEE_PIDS+=("$!")
      exec 2> >(trap '' INT TERM && exec tee -a "${\#(O.logFile)}" >&2)
      TEE_PIDS+=("$!")
    }

    # close_log: ends the log's tee processes and waits until they have
    # written everything. Bash keeps copies of redirected descriptors at 10 and
    # up while a redirected command runs (an exit can happen inside one), so
    # those are closed too: the tees see the end of their input.
    close_log() {
      local fd
      ((${#TEE_PIDS[@]} > 0)) || return 0
      exec 1>&3 2>&4 3>&- 4>&-
      for fd in {10..63}; do
        [[ ${fd} == "${STATE_FD}" ]] || exec {fd}>&-
      done
      wait "${TEE_PIDS[@]}" 2>/dev/null || true
      TEE_PIDS=()
    }

    # on_exit: cleanups for steps still in effect, the run's last record, the
    # lock, and the log, on every exit.
    on_exit() {
      local status=$?
      trap - ERR INT TERM
      set +e
      run_cleanups
      if [[ -n ${STATE_FD} ]]; then
        if ((status == 0)); then
          state_write "run-finished"
        else
          state_write "run-stopped status=${status}"
        fi
      fi
      ((LOCK_HELD)) && rm -f "${LOCK_FILE}"
      close_log
      exit "${status}"
    }

    # on_signal NAME STATUS: Ctrl-C or SIGTERM during a step stops the run; the
    # step is not recorded as completed, and cleanups still run.
    on_signal() {
      trap - ERR
      if ((${#GROUP_PIDS[@]} > 0)); then kill "${GROUP_PIDS[@]}" 2>/dev/null || true; fi
      if [[ -n ${\#(C.currentStepID)} ]]; then
        record "[${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]}] ${\#(C.currentStepID)} interrupted by SIG$1; it will run again"
        warn "interrupted by SIG$1 during step ${\#(C.currentStepID)}; carry on with: ${\#(C.scriptName)} ${\#(C.selectedPhases)[*]} --resume"
      else
        warn "interrupted by SIG$1"
      fi
      exit "$2"
    }

    # run_cleanups: undoes the steps whose cleanup is still in effect, newest
    # first, and records them as undone so that --resume runs them again.
    run_cleanups() {
      local index id
      for ((index = ${#ACTIVE_CLEANUPS[@]} - 1; index >= 0; index--)); do
        id=${ACTIVE_CLEANUPS[index]}
        record "cleanup of ${id}"
        if "${\#(C.cleanupFunctions)[${id}]}"; then
          [[ -z ${STATE_FD} ]] || state_write "undone ${id}"
        else
          warn "the cleanup of ${id} failed; check it by hand"
        fi
      done
      ACTIVE_CLEANUPS=()
    }

    # end_cleanups_until ID: drops the cleanups that step ID makes unnecessary.
    end_cleanups_until() {
      ((${#ACTIVE_CLEANUPS[@]} > 0)) || return 0
      local index
      local -a kept=()
      for index in "${!ACTIVE_CLEANUPS[@]}"; do
        [[ ${\#(C.cleanupUntil)[${ACTIVE_CLEANUPS[index]}]} == "$1" ]] || kept+=("${ACTIVE_CLEANUPS[index]}")
      done
      ACTIVE_CLEANUPS=("${kept[@]}")
    }

    # resume_cleanups: a resumed run takes over the cleanups of completed steps
    # whose effect is still in place.
    resume_cleanups() {
      local id
      local until
      for id in "${!\#(C.cleanupUntil)[@]}"; do
        until=${\#(C.cleanupUntil)[${id}]}
        [[ -n ${COMPLETED[${id}]-} ]] || continue
        if [[ -z ${until} || -z ${COMPLETED[${until}]-} ]]; then
          ACTIVE_CLEANUPS+=("${id}")
        fi
      done
    }

    # run_with_retries FUNCTION ATTEMPTS DELAY: runs a step in a subshell up to
    # ATTEMPTS times, DELAY seconds apart, logging each try.
    run_with_retries() {
      local function=$1 attempts=$2 delay=$3 attempt=1 status
      while true; do
        trap - ERR
        set +e
        (
          set -e
          "${function}"
        )
        status=$?
        set -e
        trap on_error ERR
        ((status == 0)) && return 0
        ((status == \#(E.declined))) && exit "${\#(E.declined)}"
        if ((attempt >= attempts)); then
          record "try ${attempt} of ${attempts} failed with exit status ${status}"
          return "${status}"
        fi
        record "try ${attempt} of ${attempts} failed with exit status ${status}; trying again in ${delay}s"
        sleep "${delay}"
        attempt=$((attempt + 1))
      done
    }
    """#
}
