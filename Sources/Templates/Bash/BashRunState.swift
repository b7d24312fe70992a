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
    RUNTIME_TOOLS=(tee rm mkdir rmdir sleep)

    declare -A COMPLETED=() RECORDED_INPUTS=()
    RECORDED_PHASES=''
    ACTIVE_CLEANUPS=()
    LOCK_FILE=''
    LOCK_HELD=0
    TEE_PIDS=()
    GROUP_PIDS=()
    GROUP_IDS=()
    WAIT_PID=''
    WAIT_WATCHDOG=''
    STATE_FD=''
    CHILD_PID=''
    STEP_STDIN=''
    # What the resume hint adds after --resume: a state or log file given on
    # the command line, so that the hint runs as printed.
    RESUME_OPTIONS=''

    # NOW is the current time, formatted by bash itself once per second
    # (formatting it costs more than anything else a record does).
    NOW=''
    NOW_SECOND=0

    # tick: sets NOW for the current second; callers run it only when
    # EPOCHSECONDS has moved on: ((EPOCHSECONDS == NOW_SECOND)) || tick.
    tick() {
      NOW_SECOND=${EPOCHSECONDS}
      printf -v NOW '%(%Y-%m-%dT%H:%M:%S%z)T' "${NOW_SECOND}"
    }

    # record MESSAGE...: one timestamped line on the terminal and in the log.
    record() {
      ((EPOCHSECONDS == NOW_SECOND)) || tick
      printf '%s %s\n' "${NOW}" "$*"
    }

    # state_write WORDS...: appends one whole line to the state file, through
    # a descriptor kept open for the run (one write per line, no reopening).
    state_write() {
      ((EPOCHSECONDS == NOW_SECOND)) || tick
      printf '%s %s\n' "$*" "${NOW}" >&"${STATE_FD}"
    }

    # load_state: the one reader of the state file. Fills COMPLETED, and
    # RECORDED_INPUTS, RECORDED_PHASES and INPUT_SALT for bind_inputs, and
    # sets STATE_MODEL, STATE_UNFINISHED (an earlier run stopped with
    # steps completed) and STATE_TIMED_OUT (the step whose wait timed out,
    # when that is the last line). The file
    # is data: each line is split with builtins, nothing in it is expanded,
    # and a line naming no step of this procedure is ignored with a warning,
    # as is an incomplete last line (the disk filled while it was written).
    load_state() {
      local line kind id rest
      local -A known=()
      COMPLETED=()
      STATE_MODEL=''
      STATE_UNFINISHED=0
      RECORDED_INPUTS=()
      RECORDED_PHASES=''
      INPUT_SALT=''
      STATE_TIMED_OUT=''
      [[ -f ${\#(O.stateFile)} ]] || return 0
      for id in "${\#(C.stepIDs)[@]}"; do known[${id}]=1; done
      while true; do
        if ! IFS= read -r line; then
          [[ -z ${line} ]] || warn "ignoring the incomplete last line of ${\#(O.stateFile)}: ${line}"
          break
        fi
        kind=${line%% *}
        rest=${line#"${kind}"}
        rest=${rest# }
        id=${rest%% *}
        STATE_TIMED_OUT=''
        case ${kind} in
          model) STATE_MODEL=${id} ;;
          timed-out) STATE_TIMED_OUT=${id} ;;
          completed | undone)
            if [[ -z ${known[${id}]-} ]]; then
              warn "ignoring a line of ${\#(O.stateFile)} that names no step of this procedure: ${line}"
            elif [[ ${kind} == completed ]]; then
              COMPLETED[${id}]=1
              STATE_UNFINISHED=1
            else
              unset 'COMPLETED[$id]'
            fi
            ;;
          run-finished) STATE_UNFINISHED=0 ;;
          salt) INPUT_SALT=${id} ;;
          phases) RECORDED_PHASES=${id} ;;
          input)
            rest=${rest#"${id}"}
            rest=${rest# }
            [[ ${id} =~ ^[A-Z_][A-Z0-9_]*$ ]] && RECORDED_INPUTS[${id}]=${rest%% *}
            ;;
        esac
      done <"${\#(O.stateFile)}"
    }

    # check_run_file WHAT PATH DEFAULTED: the state file or log must be a file
    # whose folder exists (the default folder is created); otherwise exit 2
    # at once, naming the path.
    check_run_file() {
      local what=$1 path=$2 defaulted=$3 folder=.
      [[ ${path} == */* ]] && folder=${path%/*}
      [[ -n ${folder} ]] || folder=/
      if [[ -d ${path} ]]; then
        die "${\#(E.usage)}" "the ${what} ${path} is a directory; name a file instead"
      fi
      if [[ ! -d ${folder} ]]; then
        if ((defaulted)) && mkdir -p -- "${folder}" 2>/dev/null; then return 0; fi
        die "${\#(E.usage)}" "the folder of the ${what} ${path} does not exist (or cannot be created); create it or name another path"
      fi
      if [[ ! -w ${folder} || (-e ${path} && ! -w ${path}) ]]; then
        die "${\#(E.usage)}" "the ${what} ${path} cannot be written (permission denied); name another path"
      fi
    }

    # prepare_state: decides, from the state file and the options, whether this
    # run starts afresh, carries on (--resume), or must be told which.
    prepare_state() {
      local fresh=0
      ((\#(O.restart))) || load_state
      if ((\#(O.restart))) || [[ ! -s ${\#(O.stateFile)} ]]; then
        COMPLETED=()
        fresh=1
        printf 'model %s %s %s\n' "${\#(C.modelFingerprint)}" "${\#(C.procedureID)}" "${\#(C.procedureVersion)}" >"${\#(O.stateFile)}"
      elif ((\#(O.resume))); then
        if [[ ${STATE_MODEL} != "${\#(C.modelFingerprint)}" ]] && ((!\#(O.forceResume))); then
          die "${\#(E.usage)}" "${\#(O.stateFile)} was written by a script generated from another model (${STATE_MODEL:-unknown}, this one is ${\#(C.modelFingerprint)}); resume anyway with --force-resume, or start over with --restart"
        fi
      elif ((STATE_UNFINISHED)) && ((!\#(O.selectionGiven))); then
        local steps=steps
        ((${#COMPLETED[@]} != 1)) || steps=step
        die "${\#(E.usage)}" "an earlier run stopped before it finished (${#COMPLETED[@]} ${steps} completed, see ${\#(O.stateFile)}); carry on with --resume, or start over with --restart"
      elif ((!\#(O.selectionGiven))); then
        COMPLETED=()
        fresh=1
        printf 'model %s %s %s\n' "${\#(C.modelFingerprint)}" "${\#(C.procedureID)}" "${\#(C.procedureVersion)}" >"${\#(O.stateFile)}"
      fi
      ((\#(O.resume))) || COMPLETED=()
      exec {STATE_FD}>>"${\#(O.stateFile)}"
      ((fresh)) && record_inputs
      state_write "run-started pid=$$ phases=${\#(C.selectedPhases)[*]// /,}"
    }

    # acquire_lock: one run at a time per state file. The lock is created
    # with O_EXCL (noclobber); a lock whose process is gone is taken over by
    # one run only: the one that creates the takeover folder beside it, and
    # only while the lock still names that process. Every failure is an
    # error within a few seconds, never an endless loop.
    acquire_lock() {
      LOCK_FILE="${\#(O.stateFile)}.lock"
      local holder host tries=0 stale
      while true; do
        tries=$((tries + 1))
        if ((tries > 50)); then
          die "${\#(E.locked)}" "could not take the lock ${LOCK_FILE}; if no other run is going on, remove ${LOCK_FILE} and ${LOCK_FILE}.takeover"
        fi
        if (set -o noclobber && printf '%s %s\n' "$$" "${HOSTNAME-}" >"${LOCK_FILE}") 2>/dev/null; then
          LOCK_HELD=1
          return 0
        fi
        if [[ ! -e ${LOCK_FILE} ]]; then
          die "${\#(E.usage)}" "cannot create the lock ${LOCK_FILE}: is its folder writable and the disk not full?"
        fi
        holder=''
        host=''
        read -r holder host <"${LOCK_FILE}" 2>/dev/null || true
        if [[ -n ${holder} ]] && { [[ ${host} != "${HOSTNAME-}" ]] || kill -0 "${holder}" 2>/dev/null; }; then
          die "${\#(E.locked)}" "another run holds the lock ${LOCK_FILE}: process ${holder} on ${host:-this host}; wait for it to finish (if it is gone, remove the lock file)"
        fi
        # The holder is gone, or wrote nothing (it died at once, or the disk
        # was full): an empty lock gets a moment to be written before it
        # counts as stale.
        if [[ -z ${holder} ]] && ((tries < 10)); then
          sleep 0.1
          continue
        fi
        if ! mkdir -- "${LOCK_FILE}.takeover" 2>/dev/null; then
          sleep 0.1
          continue
        fi
        stale=''
        read -r stale host <"${LOCK_FILE}" 2>/dev/null || true
        if [[ ${stale} == "${holder}" ]]; then
          warn "taking over the lock ${LOCK_FILE} from process ${holder:-unknown}, which is no longer running"
          rm -f -- "${LOCK_FILE}"
        fi
        rmdir -- "${LOCK_FILE}.takeover"
      done
    }

    # open_log: from here on, everything printed also goes to the log (without
    # colour codes); with secrets, through mask_secrets first, on the terminal
    # too.
    open_log() {
      exec 3>&1 4>&2
      if declare -F mask_secrets >/dev/null; then
        exec > >(trap '' INT TERM && mask_secrets | copy_to_log "${#STYLE_PROGRESS}")
        TEE_PIDS+=("$!")
        exec 2> >(trap '' INT TERM && mask_secrets | copy_to_log "${#STYLE_WARN}" >&2)
        TEE_PIDS+=("$!")
        return 0
      fi
      exec > >(trap '' INT TERM && copy_to_log "${#STYLE_PROGRESS}")
      TEE_PIDS+=("$!")
      exec 2> >(trap '' INT TERM && copy_to_log "${#STYLE_WARN}" >&2)
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
      if ((status == 0)) && [[ -n ${\#(C.currentStepID)} ]]; then
        status=${\#(E.stepFailed)}
        record "[${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]}] ${\#(C.currentStepID)}: failed: a command of the step called exit before the step ended"
        warn "step ${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]} ${\#(C.currentStepID)} (${\#(C.currentStepTitle)}) called exit before it ended, so it did not complete; fix the step, then carry on: ${\#(C.scriptName)} ${\#(C.selectedPhases)[*]} --resume${RESUME_OPTIONS}"
      fi
      run_cleanups
      if [[ -n ${STATE_FD} ]]; then
        if ((status == 0)); then
          state_write "run-finished"
        else
          state_write "run-stopped status=${status}"
        fi
      fi
      record_close "${status}"
      ((LOCK_HELD)) && rm -f -- "${LOCK_FILE}"
      close_log
      exit "${status}"
    }

    # on_signal NAME STATUS: Ctrl-C or SIGTERM during a step stops the run; the
    # step is not recorded as completed, and cleanups still run.
    on_signal() {
      trap - ERR
      stop_wait
      stop_group
      stop_child
      if ((${#GROUP_IDS[@]} > 0)); then
        record "interrupted by SIG$1 during the concurrent steps ${GROUP_IDS[*]}; they will run again"
        warn "interrupted by SIG$1 during steps ${GROUP_IDS[*]}; carry on with: ${\#(C.scriptName)} ${\#(C.selectedPhases)[*]} --resume${RESUME_OPTIONS}"
        exit "$2"
      fi
      if [[ -n ${\#(C.currentStepID)} ]]; then
        record "[${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]}] ${\#(C.currentStepID)} interrupted by SIG$1; it will run again"
        warn "interrupted by SIG$1 during step ${\#(C.currentStepID)}; carry on with: ${\#(C.scriptName)} ${\#(C.selectedPhases)[*]} --resume${RESUME_OPTIONS}"
      else
        warn "interrupted by SIG$1"
      fi
      exit "$2"
    }

    # stop_group: ends every member of a running concurrent group, each a
    # process group of its own (started under set -m), with all it started,
    # and waits for them, so nothing of the group outlives the run or its lock.
    # A member that ended as the signal came may already be reaped while bash
    # still counts it as running: waiting for it would then wait for any
    # child, the log's tee processes included, which end only after the run.
    # So only members that still exist are waited for.
    stop_group() {
      local pid
      ((${#GROUP_PIDS[@]} > 0)) || return 0
      for pid in "${GROUP_PIDS[@]}"; do kill -TERM -- "-${pid}" 2>/dev/null || true; done
      for pid in "${GROUP_PIDS[@]}"; do
        if kill -0 "${pid}" 2>/dev/null; then wait "${pid}" 2>/dev/null || true; fi
      done
      GROUP_PIDS=()
    }

    # run_cleanups: undoes the steps whose cleanup is still in effect, newest
    # first. Each scope is recorded as undone before its cleanup acts, so that
    # --resume runs those steps again even when the run is killed while the
    # cleanup is under way (say, after it deleted the helper pod): a step
    # recorded as completed whose effect a cleanup removed would strand it.
    run_cleanups() {
      local index id
      for ((index = ${#ACTIVE_CLEANUPS[@]} - 1; index >= 0; index--)); do
        id=${ACTIVE_CLEANUPS[index]}
        record "cleanup of ${id}"
        undo_scope "${id}"
        if "${\#(C.cleanupFunctions)[${id}]}"; then
          record_event cleanup "\"step\":\"${id}\",\"status\":\"completed\""
        else
          record_event cleanup "\"step\":\"${id}\",\"status\":\"failed\""
          warn "the cleanup of ${id} failed; check it by hand (--resume runs the steps it undoes again)"
        fi
      done
      ACTIVE_CLEANUPS=()
    }

    # undo_scope ID: a cleanup undid step ID, and with it whatever the steps
    # completed inside its scope (after ID, before its until step) built on
    # it: all of them are recorded as undone, so --resume rebuilds them
    # rather than carry on against, say, a helper pod the cleanup deleted.
    undo_scope() {
      local index inside=0 until=${\#(C.cleanupUntil)[$1]}
      for index in "${!\#(C.stepIDs)[@]}"; do
        [[ ${\#(C.stepIDs)[index]} == "$1" ]] && inside=1
        ((inside)) || continue
        [[ -n ${until} && ${\#(C.stepIDs)[index]} == "${until}" ]] && break
        if [[ ${\#(C.stepIDs)[index]} == "$1" || -n ${COMPLETED[${\#(C.stepIDs)[index]}]-} ]]; then
          unset 'COMPLETED[${\#(C.stepIDs)[index]}]'
          [[ -z ${STATE_FD} ]] || state_write "undone ${\#(C.stepIDs)[index]}"
          record_event step-undone "${RECORD_STEPS[index]},\"cleanup\":\"$1\""
        fi
      done
    }

    # end_cleanups_until ID: drops the cleanups that step ID makes unnecessary
    # (run_step calls it only while a cleanup is in effect).
    end_cleanups_until() {
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

    # exit_unless_returned: the EXIT trap of a step run in a subshell (a try,
    # or a member of a concurrent group): an exit before the step's function
    # returned is a failure, whatever its status.
    exit_unless_returned() {
      local status=$?
      if ((status == 0 && !STEP_RETURNED)); then
        warn "step ${\#(C.migrateStepID)-} called exit before it ended, so it did not complete"
        exit "${\#(E.stepFailed)}"
      fi
    }

    # run_child FUNCTION: runs a step's function in a subshell that the script
    # waits for, so that Ctrl-C or a SIGTERM sent to the script alone is
    # handled at once, even while a command of the step runs: on_signal then
    # stops the subshell with everything it started (stop_child). The
    # subshell reads the script's standard input; an exit inside it fails the
    # step; a declined confirmation still ends the run as declined.
    run_child() {
      local status=0
      (
        # A background subshell starts with Ctrl-C ignored; here a signal
        # stops the step's wait, if one runs, and ends the subshell with the
        # signal's status, which its EXIT trap (bash runs it when a signal
        # ends the shell, too) then sees instead of 0.
        trap 'stop_wait; exit 130' INT
        trap 'stop_wait; exit 143' TERM
        trap - QUIT
        set -e
        STEP_RETURNED=0
        trap exit_unless_returned EXIT
        "$1"
        STEP_RETURNED=1
      ) <&"${STEP_STDIN}" &
      CHILD_PID=$!
      wait "${CHILD_PID}" || status=$?
      CHILD_PID=''
      ((status != \#(E.declined))) || exit "${\#(E.declined)}"
      return "${status}"
    }

    # descendants PID: prints every process PID started, and those they
    # started, one a line, from pgrep, or else ps; fails without either.
    descendants() {
      local -a queue=("$1")
      local pid child
      local -A children=()
      if command -v pgrep >/dev/null 2>&1; then
        while ((${#queue[@]} > 0)); do
          pid=${queue[0]}
          queue=("${queue[@]:1}")
          for child in $(pgrep -P "${pid}" || true); do
            printf '%s\n' "${child}"
            queue+=("${child}")
          done
        done
      elif command -v ps >/dev/null 2>&1; then
        while read -r child pid; do
          children[${pid}]+=" ${child}"
        done < <(ps -A -o pid= -o ppid=)
        while ((${#queue[@]} > 0)); do
          pid=${queue[0]}
          queue=("${queue[@]:1}")
          for child in ${children[${pid}]-}; do
            printf '%s\n' "${child}"
            queue+=("${child}")
          done
        done
      else
        return 1
      fi
    }

    # stop_child: ends the step running as a child (run_child) and everything
    # it started, and waits for it, so that no command of an interrupted step
    # outlives the run, its cleanups or its lock. Twice, for what a dying
    # command started meanwhile. Without pgrep or ps the running command
    # cannot be found, so the run waits for it to end.
    stop_child() {
      local pid=${CHILD_PID}
      local -a tree=()
      [[ -n ${pid} ]] || return 0
      for _ in 1 2; do
        mapfile -t tree < <(descendants "${pid}" || printf 'none\n')
        if [[ ${tree[*]-} == none ]]; then
          warn "waiting for the running command of step ${\#(C.currentStepID)} to end: without pgrep or ps it cannot be stopped"
          break
        fi
        kill -TERM "${pid}" "${tree[@]}" 2>/dev/null || true
      done
      if kill -0 "${pid}" 2>/dev/null; then wait "${pid}" 2>/dev/null || true; fi
      CHILD_PID=''
    }

    # run_with_retries FUNCTION ATTEMPTS DELAY: runs a step in a subshell up to
    # ATTEMPTS times, DELAY seconds apart, logging each try.
    run_with_retries() {
      local function=$1 attempts=$2 delay=$3 attempt=1 status
      while true; do
        RECORD_ATTEMPTS=${attempt}
        trap - ERR
        set +e
        run_child "${function}"
        status=$?
        set -e
        trap on_error ERR
        ((status == 0)) && return 0
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
