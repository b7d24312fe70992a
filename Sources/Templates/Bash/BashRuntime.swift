/// The fixed part of every generated script: output, prompts, waits, checks,
/// and choices. It reads the variables the generated part declares
/// (`SCRIPT_NAME`, `ASSUME_YES`, `DRY_RUN`, `CURRENT_STEP`, the `EXIT_*`
/// statuses) and uses only bash builtins, so `--dry-run` and `--list` run no
/// program at all.
enum BashRuntime {
  static let helpers = #"""
    # ---------------------------------------------------------------------------
    # Runtime: output, prompts, waits, checks and cleanup. Bash builtins only.
    # ---------------------------------------------------------------------------

    say() { printf '%s\n' "$*"; }

    warn() { printf '%s: %s\n' "${SCRIPT_NAME}" "$*" >&2; }

    # die STATUS MESSAGE...: reports on standard error and exits with STATUS.
    die() {
      local status=$1
      shift
      warn "$@"
      exit "${status}"
    }

    usage_error() {
      warn "$*"
      warn "Run '${SCRIPT_NAME} --help' for usage."
      exit "${EXIT_USAGE}"
    }

    # indent TEXT: prints TEXT with every line indented by four spaces.
    indent() {
      local line
      while IFS= read -r line; do printf '    %s\n' "${line}"; done <<<"$1"
    }

    # ask PROMPT: reads the operator's answer into REPLY; end of input declines.
    ask() {
      printf '%s' "$1"
      if ! IFS= read -r REPLY; then
        printf '\n'
        die "${EXIT_DECLINED}" "no answer (end of input): stopped before step ${CURRENT_STEP_ID}"
      fi
    }

    # confirm_destructive WHAT: asks for an explicit yes before destroying WHAT.
    confirm_destructive() {
      say "  This step destroys $1."
      if ((ASSUME_YES)); then
        say "  Confirmed by --yes."
        return 0
      fi
      ask "  Type yes to destroy $1, anything else to stop: "
      if [[ ${REPLY} != yes ]]; then
        die "${EXIT_DECLINED}" "declined: step ${CURRENT_STEP_ID} did not run and nothing was destroyed"
      fi
    }

    # manual_step INSTRUCTION [VERIFY]: shows what the operator must do and waits
    # for "done". Under --yes only the VERIFY function can answer for the operator.
    # (Interactively the operator's "done" is the answer.)
    manual_step() {
      local instruction=$1 verify=${2-}
      say "  Manual step:"
      indent "${instruction}"
      if ((ASSUME_YES)); then
        if [[ -z ${verify} ]]; then
          warn "step ${CURRENT_STEP_ID} needs an operator, and --yes cannot answer for one: do it by hand, then run again without --yes"
          return 1
        fi
        if ! "${verify}"; then
          warn "step ${CURRENT_STEP_ID}: the automated check of the manual step failed"
          return 1
        fi
        say "  Checked automatically."
        return 0
      fi
      while true; do
        ask "  Type done when it is done: "
        [[ ${REPLY} == "done" ]] && break
      done
    }

    # wait_until WHAT TIMEOUT INTERVAL CONDITION: runs the CONDITION function every
    # INTERVAL seconds until it succeeds, for at most TIMEOUT seconds.
    wait_until() {
      local what=$1 timeout=$2 interval=$3 condition=$4 waited=0
      say "  Waiting up to ${timeout}s for ${what}."
      until "${condition}" >/dev/null 2>&1; do
        if ((waited >= timeout)); then
          warn "timed out after ${waited}s waiting for ${what}"
          return 1
        fi
        sleep "${interval}"
        waited=$((waited + interval))
      done
    }

    # expect_empty OUTPUT FAILURE: the checked command must print nothing.
    expect_empty() {
      [[ -z $1 ]] && return 0
      warn "$2"
      indent "$1" >&2
      return 1
    }

    # expect_nonempty OUTPUT FAILURE: the checked command must print something.
    expect_nonempty() {
      [[ -n ${1//[[:space:]]/} ]] && return 0
      warn "$2"
      return 1
    }

    # expect_equal OUTPUT EXPECTED FAILURE: the checked command must print EXPECTED.
    expect_equal() {
      [[ $1 == "$2" ]] && return 0
      warn "$3"
      warn "expected:"
      indent "$2" >&2
      warn "got:"
      indent "$1" >&2
      return 1
    }

    # choose_one VARIABLE FLAG WHAT LISTER: sets VARIABLE to exactly one of the
    # lines LISTER prints: the value already given, the only one, or the
    # operator's pick. Under --yes several candidates and none given is an error.
    choose_one() {
      local variable=$1 flag=$2 what=$3 lister=$4 listing candidate
      local -a candidates=()
      listing=$("${lister}")
      while IFS= read -r candidate; do
        [[ -n ${candidate} ]] && candidates+=("${candidate}")
      done <<<"${listing}"
      if ((${#candidates[@]} == 0)); then
        warn "found no candidates for ${what}"
        return 1
      fi
      if [[ -n ${!variable} ]]; then
        for candidate in "${candidates[@]}"; do
          [[ ${candidate} == "${!variable}" ]] && return 0
        done
        warn "${flag} '${!variable}' is not one of the candidates for ${what}:"
        indent "$(printf '%s\n' "${candidates[@]}")" >&2
        return 1
      fi
      if ((${#candidates[@]} == 1)); then
        printf -v "${variable}" '%s' "${candidates[0]}"
        say "  Chose ${what}: ${candidates[0]} (the only candidate)."
        return 0
      fi
      if ((ASSUME_YES)); then
        warn "several candidates for ${what} and none named; name one with ${flag}:"
        indent "$(printf '%s\n' "${candidates[@]}")" >&2
        return 1
      fi
      say "  Candidates for ${what}:"
      local index
      for index in "${!candidates[@]}"; do say "    $((index + 1))) ${candidates[index]}"; done
      while true; do
        ask "  Type the number of your choice: "
        if [[ ${REPLY} =~ ^[0-9]+$ ]] && ((REPLY >= 1 && REPLY <= ${#candidates[@]})); then
          printf -v "${variable}" '%s' "${candidates[REPLY - 1]}"
          say "  Chose ${what}: ${!variable}."
          return 0
        fi
      done
    }

    # require_tools TOOL...: every TOOL must be on PATH; preflight exits 3 otherwise.
    require_tools() {
      local tool
      local -a missing=()
      for tool in "$@"; do
        command -v "${tool}" >/dev/null 2>&1 || missing+=("${tool}")
      done
      if ((${#missing[@]} > 0)); then
        die "${EXIT_PREFLIGHT}" "preflight failed: required tools not found on PATH: ${missing[*]}"
      fi
    }

    # preflight_check WHAT FUNCTION: a failed context check exits 3 before any step.
    preflight_check() {
      if ! "$2"; then
        die "${EXIT_PREFLIGHT}" "preflight failed: $1"
      fi
      say "  ok: $1"
    }

    # on_error: names the step that failed and how to carry on, then exits 1.
    on_error() {
      local status=$?
      if [[ ${BASHPID} != "$$" ]]; then
        exit "${status}"
      fi
      trap - ERR
      if [[ -n ${CURRENT_STEP_ID} ]]; then
        record "[${CURRENT_STEP_NUMBER}/${#STEP_IDS[@]}] ${CURRENT_STEP_ID}: failed with exit status ${status}"
        warn "step ${CURRENT_STEP_NUMBER}/${#STEP_IDS[@]} ${CURRENT_STEP_ID} (${CURRENT_STEP_TITLE}) failed with exit status ${status}"
        warn "fix the cause, then carry on from that step: ${SCRIPT_NAME} ${SELECTED_PHASES[*]} --resume"
      else
        warn "failed with exit status ${status}"
      fi
      exit "${EXIT_STEP_FAILED}"
    }
    """#
}
