/// The fixed end of every script: phase selection, the step loop and `main`.
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

    # step_index STEP: prints the index of STEP, an id or a number from --list.
    step_index() {
      local index
      if [[ $1 =~ ^[0-9]+$ ]] && (($1 >= 1 && $1 <= ${#STEP_IDS[@]})); then
        printf '%s\n' "$(($1 - 1))"
        return 0
      fi
      for index in "${!STEP_IDS[@]}"; do
        [[ ${STEP_IDS[index]} == "$1" ]] && printf '%s\n' "${index}" && return 0
      done
      return 1
    }

    run_steps() {
      local index first=0
      if [[ -n ${FROM_STEP} ]]; then
        first=$(step_index "${FROM_STEP}") || usage_error "unknown step '${FROM_STEP}'; run '${SCRIPT_NAME} --list' to see the steps"
        phase_selected "${STEP_PHASES[first]}" || usage_error "step '${FROM_STEP}' is not in the selected phases: ${SELECTED_PHASES[*]}"
      fi
      for index in "${!STEP_IDS[@]}"; do
        phase_selected "${STEP_PHASES[index]}" || continue
        if ((index < first)); then
          say "[$((index + 1))/${#STEP_IDS[@]}] ${STEP_TITLES[index]}: skipped (before --from)"
          continue
        fi
        run_step "${index}"
      done
    }

    run_step() {
      local index=$1
      CURRENT_STEP_ID=${STEP_IDS[index]}
      CURRENT_STEP_NUMBER=$((index + 1))
      CURRENT_STEP_TITLE=${STEP_TITLES[index]}
      CURRENT_STEP_PHASE=${STEP_PHASES[index]}
      say "[${CURRENT_STEP_NUMBER}/${#STEP_IDS[@]}] ${CURRENT_STEP_TITLE}"
      if ((DRY_RUN)); then
        "plan_${CURRENT_STEP_ID//-/_}"
      else
        "step_${CURRENT_STEP_ID//-/_}"
      fi
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
      say "${PROCEDURE_ID} ${PROCEDURE_VERSION} (model ${MODEL_FINGERPRINT}), phases: ${SELECTED_PHASES[*]}"
      show_parameters
      if ((DRY_RUN)); then
        say "Dry run: printing the commands of each step; nothing is run."
      else
        say "Preflight:"
        preflight
        trap on_error ERR
        trap run_cleanups EXIT
      fi
      run_steps
      say "Done: the selected steps of ${PROCEDURE_ID} ${PROCEDURE_VERSION} completed."
    }

    main "$@"
    """#
}
