import Model

/// The fixed end of every script: phase and step selection, the step loop
/// and `main`.
enum BashMain {
  private typealias C = ScriptContract
  private typealias O = ScriptOptionNames
  private typealias E = ExitStatusNames

  static let text = #"""
    # ---------------------------------------------------------------------------
    # Main: select phases and steps, check, then run each step in order.
    # ---------------------------------------------------------------------------

    \#(C.isPhase)() {
      local phase
      for phase in "${\#(C.phaseIDs)[@]}"; do [[ ${phase} == "$1" ]] && return 0; done
      return 1
    }

    \#(C.phaseSelected)() {
      [[ " ${\#(C.selectedPhases)[*]} " == *" $1 "* ]]
    }

    # \#(C.printPlan): indents a step's dry-run plan.
    \#(C.printPlan)() {
      local line
      while IFS= read -r line; do printf '    %s\n' "${line}"; done
    }

    select_phases() {
      ((${#\#(C.selectedPhases)[@]} > 0)) && return 0
      if ((\#(C.phaseRequired))); then
        \#(C.usageError) "name the phase to run; the phases run in different places: ${\#(C.phaseIDs)[*]}"
      fi
      \#(C.selectedPhases)=("${\#(C.phaseIDs)[@]}")
    }

    # edit_distance A B: sets DISTANCE to the Levenshtein distance of A and B.
    edit_distance() {
      local a=$1 b=$2 i j cost deletion insertion substitution
      local -a previous=() current=()
      for ((j = 0; j <= ${#b}; j++)); do previous[j]=${j}; done
      for ((i = 1; i <= ${#a}; i++)); do
        current=("${i}")
        for ((j = 1; j <= ${#b}; j++)); do
          cost=1
          [[ ${a:i-1:1} == "${b:j-1:1}" ]] && cost=0
          deletion=$((previous[j] + 1))
          insertion=$((current[j - 1] + 1))
          substitution=$((previous[j - 1] + cost))
          current[j]=${deletion}
          ((insertion < current[j])) && current[j]=${insertion}
          ((substitution < current[j])) && current[j]=${substitution}
        done
        previous=("${current[@]}")
      done
      DISTANCE=${previous[${#b}]}
    }

    # step_index STEP: sets INDEX to the index of STEP, an id or a number from
    # --list; an unknown STEP is a usage error that suggests the closest id.
    step_index() {
      local index best='' best_distance=1000
      for index in "${!\#(C.stepIDs)[@]}"; do
        if [[ ${\#(C.stepIDs)[index]} == "$1" ]]; then
          INDEX=${index}
          return 0
        fi
      done
      if [[ $1 =~ ^[1-9][0-9]{0,5}$ ]] && (($1 <= ${#\#(C.stepIDs)[@]})); then
        INDEX=$(($1 - 1))
        return 0
      fi
      for index in "${!\#(C.stepIDs)[@]}"; do
        edit_distance "$1" "${\#(C.stepIDs)[index]}"
        if ((DISTANCE < best_distance)); then
          best_distance=${DISTANCE}
          best=${\#(C.stepIDs)[index]}
        fi
      done
      if ((best_distance <= 3 || best_distance * 3 <= ${#1})); then
        \#(C.usageError) "unknown step '$1'; did you mean '${best}'? Run '${\#(C.scriptName)} --list' to see the steps"
      fi
      \#(C.usageError) "unknown step '$1'; run '${\#(C.scriptName)} --list' to see the steps"
    }

    # mark_steps LIST: sets MARKED to the indexes of the comma-separated LIST
    # of steps, as " 3 7 ".
    mark_steps() {
      local step
      local -a steps=()
      MARKED=' '
      IFS=, read -r -a steps <<<"$1"
      for step in "${steps[@]}"; do
        step_index "${step}"
        MARKED+="${INDEX} "
      done
    }

    # select_steps: turns --from, --to, --only and --skip into FIRST_INDEX,
    # LAST_INDEX, ONLY_INDEXES and SKIP_INDEXES (" 3 7 ", or empty).
    select_steps() {
      FIRST_INDEX=0
      LAST_INDEX=$((${#\#(C.stepIDs)[@]} - 1))
      ONLY_INDEXES=''
      SKIP_INDEXES=''
      if [[ -n ${\#(O.fromStep)} ]]; then
        step_index "${\#(O.fromStep)}"
        FIRST_INDEX=${INDEX}
      fi
      if [[ -n ${\#(O.toStep)} ]]; then
        step_index "${\#(O.toStep)}"
        LAST_INDEX=${INDEX}
      fi
      if [[ -n ${\#(O.onlySteps)} ]]; then
        mark_steps "${\#(O.onlySteps)}"
        ONLY_INDEXES=${MARKED}
      fi
      if [[ -n ${\#(O.skipSteps)} ]]; then
        mark_steps "${\#(O.skipSteps)}"
        SKIP_INDEXES=${MARKED}
      fi
    }

    # step_selected INDEX: the step is in the selection.
    step_selected() {
      local index=$1
      ((index >= FIRST_INDEX && index <= LAST_INDEX)) || return 1
      if [[ -n ${ONLY_INDEXES} && ${ONLY_INDEXES} != *" ${index} "* ]]; then return 1; fi
      [[ ${SKIP_INDEXES} != *" ${index} "* ]]
    }

    # \#(C.stepRuns) INDEX: the step runs in this run, unless an earlier run
    # completed it: its phase is selected, its flag (if any) is yes, and it is
    # in the selection. Preflight asks for the tools of these steps only.
    \#(C.stepRuns)() {
      local index=$1 flag
      \#(C.phaseSelected) "${\#(C.stepPhases)[index]}" || return 1
      flag=${\#(C.stepEnabledBy)[index]}
      [[ -z ${flag} || ${!flag} == yes ]] || return 1
      step_selected "${index}"
    }

    # run_steps: each selected step in order; at the end of each phase, the
    # record of its completion (see \#(C.recordCompletedPhases)). In a plain
    # run (no selection, no resume, no dry run) a plain step of a selected
    # phase (\#(C.stepPlain)) is run without the checks, none of which can
    # apply to it.
    run_steps() {
      local index flag phase='' fast=0 plain=0
      local -a group=()
      ((\#(O.dryRun) || \#(O.selectionGiven) || ${#COMPLETED[@]} > 0)) || plain=1
      for index in "${!\#(C.stepIDs)[@]}"; do
        if ((fast && \#(C.stepPlain)[index])); then
          run_step "${index}"
          continue
        fi
        if ((${#group[@]} > 0)) && [[ ${\#(C.stepGroups)[index]} != "${\#(C.stepGroups)[group[0]]}" ]]; then
          run_group "${group[@]}"
          group=()
        fi
        if [[ ${\#(C.stepPhases)[index]} != "${phase}" ]]; then
          if [[ -n ${phase} ]] && ((!\#(O.dryRun))); then \#(C.recordCompletedPhases); fi
          phase=${\#(C.stepPhases)[index]}
          fast=0
          if \#(C.phaseSelected) "${phase}"; then fast=${plain}; fi
        fi
        \#(C.phaseSelected) "${\#(C.stepPhases)[index]}" || continue
        flag=${\#(C.stepEnabledBy)[index]}
        if [[ -n ${flag} && ${!flag} != yes ]]; then
          say "[$((index + 1))/${#\#(C.stepIDs)[@]}] ${\#(C.stepTitles)[index]}: skipped (optional; runs when ${flag} is yes)"
          record_skipped "${index}" optional
        elif ((\#(O.selectionGiven))) && ! step_selected "${index}"; then
          say "[$((index + 1))/${#\#(C.stepIDs)[@]}] ${\#(C.stepTitles)[index]}: skipped (not selected)"
          record_skipped "${index}" not-selected
        elif [[ -n ${COMPLETED[${\#(C.stepIDs)[index]}]-} ]]; then
          say "[$((index + 1))/${#\#(C.stepIDs)[@]}] ${\#(C.stepTitles)[index]}: skipped (completed by an earlier run)"
          record_skipped "${index}" completed-earlier
        elif [[ -n ${\#(C.stepGroups)[index]} ]] && ((!\#(O.dryRun))); then
          group+=("${index}")
        else
          run_step "${index}"
        fi
      done
      ((${#group[@]} == 0)) || run_group "${group[@]}"
      ((\#(O.dryRun))) || \#(C.recordCompletedPhases)
    }

    # run_group INDEX...: runs the steps at the same time, each in a subshell
    # whose output goes to a file beside the state file; waits for all of
    # them, prints each one's output, and records each as completed or failed.
    # A failure stops the run after every step of the group has ended.
    run_group() {
      local index status failed=0 output started=${EPOCHSECONDS}
      local -A pids=()
      if (($# == 1)); then
        run_step "$1"
        return 0
      fi
      # Each member is a process group of its own, so that an interrupt can
      # stop it with everything it started.
      set -m
      GROUP_IDS=()
      for index in "$@"; do
        progress "[$((index + 1))/${#\#(C.stepIDs)[@]}] ${\#(C.stepTitles)[index]}: started (${\#(C.stepIDs)[index]}, at the same time as the others of group ${\#(C.stepGroups)[index]})"
        record_step_started "${index}"
        (
          STEP_RETURNED=0
          trap exit_unless_returned EXIT
          \#(C.migrateStepID)=${\#(C.stepIDs)[index]} "${\#(C.stepFunctions)[index]}"
          STEP_RETURNED=1
        ) >"${\#(O.stateFile)}.${\#(C.stepIDs)[index]}.out" 2>&1 &
        pids[${index}]=$!
        GROUP_PIDS+=("$!")
        GROUP_IDS+=("${\#(C.stepIDs)[index]}")
      done
      set +m
      for index in "$@"; do
        status=0
        wait "${pids[${index}]}" || status=$?
        output="${\#(O.stateFile)}.${\#(C.stepIDs)[index]}.out"
        say "Output of ${\#(C.stepIDs)[index]}:"
        \#(C.printPlan) <"${output}"
        if ((status == 0)); then
          COMPLETED[${\#(C.stepIDs)[index]}]=1
          state_write "completed ${\#(C.stepIDs)[index]}"
          progress "[$((index + 1))/${#\#(C.stepIDs)[@]}] ${\#(C.stepIDs)[index]}: completed; its group has run $((EPOCHSECONDS - started))s"
          record_step_ended "${index}" completed 0
        else
          failed=1
          record "[$((index + 1))/${#\#(C.stepIDs)[@]}] ${\#(C.stepIDs)[index]}: failed with exit status ${status}"
          record_step_ended "${index}" failed "${status}"
          warn "step $((index + 1))/${#\#(C.stepIDs)[@]} ${\#(C.stepIDs)[index]} (${\#(C.stepTitles)[index]}) failed with exit status ${status}"
        fi
      done
      GROUP_PIDS=()
      GROUP_IDS=()
      if ((failed)); then
        warn "fix the cause, then carry on: ${\#(C.scriptName)} ${\#(C.selectedPhases)[*]} --resume${RESUME_OPTIONS} (it runs only the steps not completed)"
        exit "${\#(E.stepFailed)}"
      fi
    }

    run_step() {
      local index=$1 started=${EPOCHSECONDS}
      \#(C.currentStepID)=${\#(C.stepIDs)[index]} \#(C.currentStepNumber)=$((index + 1)) \#(C.currentStepTitle)=${\#(C.stepTitles)[index]}
      if ((\#(O.dryRun))); then
        say "${STYLE_PROGRESS}[${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]}] ${\#(C.currentStepTitle)}${STYLE_PROGRESS:+${STYLE_RESET}}"
        "${\#(C.planFunctions)[index]}"
        \#(C.currentStepID)=''
        return 0
      fi
      progress "[${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]}] ${\#(C.currentStepTitle)}: started (${\#(C.currentStepID)})"
      record_step_started "${index}"
      \#(C.migrateStepID)=${\#(C.currentStepID)}
      [[ -z ${\#(C.cleanupUntil)[${\#(C.currentStepID)}]-} ]] || ACTIVE_CLEANUPS+=("${\#(C.currentStepID)}")
      if ((\#(C.stepAttempts)[index] > 1)); then
        run_with_retries "${\#(C.stepFunctions)[index]}" "${\#(C.stepAttempts)[index]}" "${\#(C.stepRetryDelays)[index]}"
      elif ((\#(C.stepInShell)[index])); then
        "${\#(C.stepFunctions)[index]}"
      else
        run_child "${\#(C.stepFunctions)[index]}"
      fi
      # Completed before the state file says so: a signal between the two
      # leaves at worst an undone line for a step not recorded as completed.
      COMPLETED[${\#(C.currentStepID)}]=1
      state_write "completed ${\#(C.currentStepID)}"
      ((${#ACTIVE_CLEANUPS[@]} == 0)) || end_cleanups_until "${\#(C.currentStepID)}"
      progress "[${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]}] ${\#(C.currentStepID)}: completed in $((EPOCHSECONDS - started))s"
      record_step_ended "${index}" completed 0
      \#(C.currentStepID)=''
    }

    main() {
      colour_init
      # Exported once: each step sets it, and its commands see it.
      export \#(C.migrateStepID)=''
      if [[ -z ${HOME+set} ]]; then
        die "${\#(E.usage)}" "HOME is not set; set it (export HOME=/home/you) and run again"
      fi
      \#(C.parseArguments) "$@"
      if ((\#(O.listOnly))); then
        \#(C.listSteps)
        exit 0
      fi
      select_phases
      \#(C.applyDefaults)
      select_steps
      local state_defaulted=0 log_defaulted=0
      [[ -n ${\#(O.stateFile)} ]] || state_defaulted=1
      [[ -n ${\#(O.logFile)} ]] || log_defaulted=1
      \#(C.resolveRunFiles)
      ((\#(O.resume))) && bind_inputs
      \#(C.checkParameters)
      if ((\#(O.dryRun))); then
        ((\#(O.resume))) && load_state
        say "${\#(C.procedureID)} ${\#(C.procedureVersion)} (model ${\#(C.modelFingerprint)}), phases: ${\#(C.selectedPhases)[*]}"
        \#(C.showParameters)
        say "Dry run: printing the commands of each step; nothing is run."
        run_steps
        exit 0
      fi
      \#(C.preflightTools)
      check_run_file "state file" "${\#(O.stateFile)}" "${state_defaulted}"
      check_run_file "log file" "${\#(O.logFile)}" "${log_defaulted}"
      ((state_defaulted)) || RESUME_OPTIONS+=" --state-file ${\#(O.stateFile)@Q}"
      ((log_defaulted)) || RESUME_OPTIONS+=" --log-file ${\#(O.logFile)@Q}"
      record_prepare
      acquire_lock
      trap on_exit EXIT
      trap 'on_signal INT 130' INT
      trap 'on_signal TERM 143' TERM
      open_log
      prepare_state
      record_open
      ((\#(O.resume))) && resume_cleanups
      record "${\#(C.procedureID)} ${\#(C.procedureVersion)} (model ${\#(C.modelFingerprint)}), phases: ${\#(C.selectedPhases)[*]}"
      say "State file: ${\#(O.stateFile)}"
      say "Log file: ${\#(O.logFile)}"
      \#(C.showParameters)
      say "Preflight:"
      \#(C.preflightChecks)
      \#(C.checkPhasePrerequisites)
      \#(C.forgetPhaseRecords)
      # A step run as a child reads the script's standard input through this
      # copy (a background command's own is /dev/null).
      exec {STEP_STDIN}<&0
      trap on_error ERR
      run_steps
      trap - ERR
      record "Done: the selected steps of ${\#(C.procedureID)} ${\#(C.procedureVersion)} completed."
    }

    main "$@"
    """#
}
