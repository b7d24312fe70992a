/// The fixed end of every script: phase and step selection, the step loop
/// and `main`.
enum BashMain {
  static let text = #"""
    # ---------------------------------------------------------------------------
    # Main: select phases and steps, check, then run each step in order.
    # ---------------------------------------------------------------------------

    is_phase() {
      local phase
      for phase in "${PHASE_IDS[@]}"; do [[ ${phase} == "$1" ]] && return 0; done
      return 1
    }

    phase_selected() {
      [[ " ${SELECTED_PHASES[*]} " == *" $1 "* ]]
    }

    # print_plan: indents a step's dry-run plan.
    print_plan() {
      local line
      while IFS= read -r line; do printf '    %s\n' "${line}"; done
    }

    select_phases() {
      ((${#SELECTED_PHASES[@]} > 0)) && return 0
      if ((PHASE_REQUIRED)); then
        usage_error "name the phase to run; the phases run in different places: ${PHASE_IDS[*]}"
      fi
      SELECTED_PHASES=("${PHASE_IDS[@]}")
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
      if [[ $1 =~ ^[0-9]+$ ]] && (($1 >= 1 && $1 <= ${#STEP_IDS[@]})); then
        INDEX=$(($1 - 1))
        return 0
      fi
      for index in "${!STEP_IDS[@]}"; do
        if [[ ${STEP_IDS[index]} == "$1" ]]; then
          INDEX=${index}
          return 0
        fi
        edit_distance "$1" "${STEP_IDS[index]}"
        if ((DISTANCE < best_distance)); then
          best_distance=${DISTANCE}
          best=${STEP_IDS[index]}
        fi
      done
      if ((best_distance <= 3 || best_distance * 3 <= ${#1})); then
        usage_error "unknown step '$1'; did you mean '${best}'? Run '${SCRIPT_NAME} --list' to see the steps"
      fi
      usage_error "unknown step '$1'; run '${SCRIPT_NAME} --list' to see the steps"
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
      LAST_INDEX=$((${#STEP_IDS[@]} - 1))
      ONLY_INDEXES=''
      SKIP_INDEXES=''
      if [[ -n ${FROM_STEP} ]]; then
        step_index "${FROM_STEP}"
        FIRST_INDEX=${INDEX}
      fi
      if [[ -n ${TO_STEP} ]]; then
        step_index "${TO_STEP}"
        LAST_INDEX=${INDEX}
      fi
      if [[ -n ${ONLY_STEPS} ]]; then
        mark_steps "${ONLY_STEPS}"
        ONLY_INDEXES=${MARKED}
      fi
      if [[ -n ${SKIP_STEPS} ]]; then
        mark_steps "${SKIP_STEPS}"
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

    run_steps() {
      local index flag
      local -a group=()
      for index in "${!STEP_IDS[@]}"; do
        if ((${#group[@]} > 0)) && [[ ${STEP_GROUPS[index]} != "${STEP_GROUPS[group[0]]}" ]]; then
          run_group "${group[@]}"
          group=()
        fi
        phase_selected "${STEP_PHASES[index]}" || continue
        flag=${STEP_ENABLED_BY[index]}
        if [[ -n ${flag} && ${!flag} != yes ]]; then
          say "[$((index + 1))/${#STEP_IDS[@]}] ${STEP_TITLES[index]}: skipped (optional; runs when ${flag} is yes)"
        elif ((SELECTION_GIVEN)) && ! step_selected "${index}"; then
          say "[$((index + 1))/${#STEP_IDS[@]}] ${STEP_TITLES[index]}: skipped (not selected)"
        elif [[ -n ${COMPLETED[${STEP_IDS[index]}]-} ]]; then
          say "[$((index + 1))/${#STEP_IDS[@]}] ${STEP_TITLES[index]}: skipped (completed by an earlier run)"
        elif [[ -n ${STEP_GROUPS[index]} ]] && ((!DRY_RUN)); then
          group+=("${index}")
        else
          run_step "${index}"
        fi
      done
      ((${#group[@]} == 0)) || run_group "${group[@]}"
    }

    # run_group INDEX...: runs the steps at the same time, each in a subshell
    # whose output goes to a file beside the state file; waits for all of
    # them, prints each one's output, and records each as completed or failed.
    # A failure stops the run after every step of the group has ended.
    run_group() {
      local index status failed=0 output
      local -A pids=()
      if (($# == 1)); then
        run_step "$1"
        return 0
      fi
      for index in "$@"; do
        record "[$((index + 1))/${#STEP_IDS[@]}] ${STEP_TITLES[index]}: started (${STEP_IDS[index]}, at the same time as the others of group ${STEP_GROUPS[index]})"
        MIGRATE_STEP_ID=${STEP_IDS[index]} "step_${STEP_IDS[index]//-/_}" \
          >"${STATE_FILE}.${STEP_IDS[index]}.out" 2>&1 &
        pids[${index}]=$!
        GROUP_PIDS+=("$!")
      done
      for index in "$@"; do
        status=0
        wait "${pids[${index}]}" || status=$?
        output="${STATE_FILE}.${STEP_IDS[index]}.out"
        say "Output of ${STEP_IDS[index]}:"
        print_plan <"${output}"
        if ((status == 0)); then
          state_write "completed ${STEP_IDS[index]}"
          COMPLETED[${STEP_IDS[index]}]=1
          record "[$((index + 1))/${#STEP_IDS[@]}] ${STEP_IDS[index]}: completed"
        else
          failed=1
          record "[$((index + 1))/${#STEP_IDS[@]}] ${STEP_IDS[index]}: failed with exit status ${status}"
          warn "step $((index + 1))/${#STEP_IDS[@]} ${STEP_IDS[index]} (${STEP_TITLES[index]}) failed with exit status ${status}"
        fi
      done
      GROUP_PIDS=()
      if ((failed)); then
        warn "fix the cause, then carry on: ${SCRIPT_NAME} ${SELECTED_PHASES[*]} --resume (it runs only the steps not completed)"
        exit "${EXIT_STEP_FAILED}"
      fi
    }

    run_step() {
      local index=$1 function
      CURRENT_STEP_ID=${STEP_IDS[index]}
      CURRENT_STEP_NUMBER=$((index + 1))
      CURRENT_STEP_TITLE=${STEP_TITLES[index]}
      function=${CURRENT_STEP_ID//-/_}
      if ((DRY_RUN)); then
        say "[${CURRENT_STEP_NUMBER}/${#STEP_IDS[@]}] ${CURRENT_STEP_TITLE}"
        "plan_${function}"
        CURRENT_STEP_ID=''
        return 0
      fi
      record "[${CURRENT_STEP_NUMBER}/${#STEP_IDS[@]}] ${CURRENT_STEP_TITLE}: started (${CURRENT_STEP_ID})"
      export MIGRATE_STEP_ID=${CURRENT_STEP_ID}
      if [[ -n ${CLEANUP_UNTIL[${CURRENT_STEP_ID}]-} ]]; then
        ACTIVE_CLEANUPS+=("${CURRENT_STEP_ID}")
      fi
      if ((STEP_ATTEMPTS[index] > 1)); then
        run_with_retries "step_${function}" "${STEP_ATTEMPTS[index]}" "${STEP_RETRY_DELAYS[index]}"
      else
        "step_${function}"
      fi
      state_write "completed ${CURRENT_STEP_ID}"
      COMPLETED[${CURRENT_STEP_ID}]=1
      end_cleanups_until "${CURRENT_STEP_ID}"
      record "[${CURRENT_STEP_NUMBER}/${#STEP_IDS[@]}] ${CURRENT_STEP_ID}: completed"
      CURRENT_STEP_ID=''
    }

    main() {
      parse_arguments "$@"
      if ((LIST_ONLY)); then
        list_steps
        exit 0
      fi
      select_phases
      apply_defaults
      check_parameters
      select_steps
      resolve_run_files
      if ((DRY_RUN)); then
        ((RESUME)) && load_state
        say "${PROCEDURE_ID} ${PROCEDURE_VERSION} (model ${MODEL_FINGERPRINT}), phases: ${SELECTED_PHASES[*]}"
        show_parameters
        say "Dry run: printing the commands of each step; nothing is run."
        run_steps
        exit 0
      fi
      preflight_tools
      acquire_lock
      trap on_exit EXIT
      trap 'on_signal INT 130' INT
      trap 'on_signal TERM 143' TERM
      open_log
      prepare_state
      ((RESUME)) && resume_cleanups
      record "${PROCEDURE_ID} ${PROCEDURE_VERSION} (model ${MODEL_FINGERPRINT}), phases: ${SELECTED_PHASES[*]}"
      say "State file: ${STATE_FILE}"
      say "Log file: ${LOG_FILE}"
      show_parameters
      say "Preflight:"
      preflight_checks
      trap on_error ERR
      run_steps
      trap - ERR
      record "Done: the selected steps of ${PROCEDURE_ID} ${PROCEDURE_VERSION} completed."
    }

    main "$@"
    """#
}
