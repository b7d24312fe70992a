import Model

/// The fixed part of every generated script: output, prompts, waits, checks,
/// and choices. It reads the variables the generated part declares
/// (`SCRIPT_NAME`, `ASSUME_YES`, `DRY_RUN`, `CURRENT_STEP`, the `EXIT_*`
/// statuses) and uses only bash builtins, so `--dry-run` and `--list` run no
/// program at all.
enum BashRuntime {
  private typealias C = ScriptContract
  private typealias O = ScriptOptionNames
  private typealias E = ExitStatusNames

  /// The first commands of every script, in syntax that `sh` and bash 3.2
  /// still read: the rest of the script needs bash 5.0 or later
  /// (`EPOCHSECONDS`, `inherit_errexit`, `${var@Q}`), and says so rather than
  /// dying on a line it cannot parse.
  /// The oldest bash the runtime runs on, as the guard and the runbook say.
  static let minimumBash = 5

  static let versionGuard = #"""
    # The rest of this script needs bash \#(minimumBash).0 or later; say so under sh or an
    # older bash rather than fail on a line they cannot read.
    if [ -z "${BASH_VERSION-}" ]; then
      echo "migrate.sh: run this script with bash \#(minimumBash).0 or later (bash migrate.sh), not with sh" >&2
      exit 2
    fi
    if [ "${BASH_VERSINFO[0]}" -lt \#(minimumBash) ]; then
      echo "migrate.sh: this script needs bash \#(minimumBash).0 or later, and this is bash ${BASH_VERSION}; install a newer bash (on macOS: brew install bash) and run it with that one" >&2
      exit 2
    fi

    """#

  /// The parts of the runtime that are the same in every script that has
  /// them, written by this package (each a ``ScriptNode/runtime(_:)``).
  static let fixedParts = [
    versionGuard, helpers, BashColour.text, BashRunState.text, BashRunRecord.text,
    BashInputs.text, BashSecrets.text, BashPhaseRecords.text, BashMain.text,
  ]

  static let helpers = #"""
    # ---------------------------------------------------------------------------
    # Runtime: output, prompts, waits, checks and cleanup. Bash builtins only.
    # ---------------------------------------------------------------------------

    \#(C.say)() { printf '%s\n' "$*"; }

    warn() { printf '%s%s: %s%s\n' "${STYLE_WARN}" "${\#(C.scriptName)}" "$*" "${STYLE_WARN:+${STYLE_RESET}}" >&2; }

    # die STATUS MESSAGE...: reports on standard error and exits with STATUS.
    die() {
      local status=$1
      shift
      warn "$@"
      exit "${status}"
    }

    \#(C.usageError)() {
      warn "$*"
      warn "Run '${\#(C.scriptName)} --help' for usage."
      exit "${\#(E.usage)}"
    }

    # indent TEXT: prints TEXT with every line indented by four spaces.
    indent() {
      local line
      while IFS= read -r line; do printf '    %s\n' "${line}"; done <<<"$1"
    }

    # ask PROMPT [STYLE]: reads the operator's answer into REPLY from the
    # terminal, never from piped input (a "yes" in a pipe must not destroy
    # anything). No terminal, or the end of its input, declines.
    ask() {
      printf '%s%s%s' "${2-}" "$1" "${2:+${STYLE_RESET}}"
      if ! { : </dev/tty; } 2>/dev/null; then
        printf '\n'
        die "${\#(E.declined)}" "no terminal to answer on: step ${\#(C.currentStepID)} needs the operator; run the script on a terminal (or with --yes where the step allows it)"
      fi
      if ! IFS= read -r REPLY </dev/tty; then
        printf '\n'
        die "${\#(E.declined)}" "no answer (end of input): stopped before step ${\#(C.currentStepID)}"
      fi
      record_answer "$1"
    }

    # ask_again COUNT: an answer that was not one of those asked for; after
    # five in a row the run stops instead of asking for ever.
    ask_again() {
      if (($1 >= 5)); then
        die "${\#(E.declined)}" "no valid answer after $1 tries: stopped at step ${\#(C.currentStepID)}"
      fi
    }

    # \#(C.confirmDestructive) WHAT: asks for an explicit yes before destroying WHAT.
    \#(C.confirmDestructive)() {
      say "${STYLE_DANGER}  This step destroys $1.${STYLE_DANGER:+${STYLE_RESET}}"
      if ((\#(O.assumeYes))); then
        say "  Confirmed by --yes."
        return 0
      fi
      ask "  Type yes to destroy $1, anything else to stop: " "${STYLE_DANGER}"
      if [[ ${REPLY} != yes ]]; then
        die "${\#(E.declined)}" "declined: step ${\#(C.currentStepID)} did not run and nothing was destroyed"
      fi
    }

    # \#(C.manualStep) INSTRUCTION [VERIFY]: shows what the operator must do and waits
    # for "done". Under --yes only the VERIFY function can answer for the operator.
    # (Interactively the operator's "done" is the answer.)
    \#(C.manualStep)() {
      local instruction=$1 verify=${2-}
      say "  Manual step:"
      indent "${instruction}"
      if ((\#(O.assumeYes))); then
        if [[ -z ${verify} ]]; then
          warn "step ${\#(C.currentStepID)} needs an operator, and --yes cannot answer for one: do it by hand, then run again without --yes"
          return 1
        fi
        if ! "${verify}"; then
          warn "step ${\#(C.currentStepID)}: the automated check of the manual step failed"
          return 1
        fi
        say "  Checked automatically."
        return 0
      fi
      local tries=0
      while true; do
        ask "  Type done when it is done: "
        [[ ${REPLY} == "done" ]] && break
        tries=$((tries + 1))
        ask_again "${tries}"
      done
    }

    # \#(C.waitUntil) WHAT TIMEOUT INTERVAL CONDITION: runs the CONDITION function every
    # INTERVAL seconds until it succeeds, for at most TIMEOUT seconds of wall
    # clock from the start of the wait. A condition still running at the
    # deadline is stopped. Each try runs in the background and is waited for
    # with the wait builtin, so Ctrl-C and SIGTERM are handled at once, and
    # the operator is told every 30 s or so how long the wait has lasted.
    \#(C.waitUntil)() {
      local what=$1 timeout=$2 interval=$3 condition=$4 started=${EPOCHSECONDS}
      local deadline remaining elapsed shown=${EPOCHSECONDS}
      deadline=$((started + timeout))
      say "  Waiting up to ${timeout}s for ${what}."
      while true; do
        remaining=$((deadline - EPOCHSECONDS))
        ((remaining > 0)) || remaining=1
        # A process group of its own, so that stopping it stops what it started.
        set -m
        "${condition}" >/dev/null 2>&1 &
        WAIT_PID=$!
        set +m
        # The watchdog times out with read -t on a pipe nothing writes to: no
        # program of its own, so nothing outlives it when it is stopped.
        (
          read -r -t "${remaining}" <> <(:) || true
          kill -TERM -- "-${WAIT_PID}" || exit 0
          read -r -t 2 <> <(:) || true
          kill -KILL -- "-${WAIT_PID}"
        ) >/dev/null 2>&1 &
        WAIT_WATCHDOG=$!
        if wait "${WAIT_PID}"; then
          stop_wait
          return 0
        fi
        stop_wait
        elapsed=$((EPOCHSECONDS - started))
        if ((EPOCHSECONDS >= deadline)); then
          warn "timed out after ${elapsed}s waiting for ${what}"
          # For on_error, which exits with its own status for a timeout.
          [[ -z ${STATE_FD} ]] || state_write "timed-out ${\#(C.currentStepID)}"
          return 1
        fi
        if ((EPOCHSECONDS - shown >= 30)); then
          shown=${EPOCHSECONDS}
          say "  Still waiting for ${what}: ${elapsed}s of ${timeout}s."
        fi
        remaining=$((deadline - EPOCHSECONDS))
        sleep "$((interval < remaining ? interval : remaining))" &
        WAIT_PID=$!
        wait "${WAIT_PID}" || true
        WAIT_PID=''
      done
    }

    # stop_wait: ends a wait's condition and its watchdog, whatever they are doing.
    stop_wait() {
      [[ -z ${WAIT_WATCHDOG} ]] || kill -TERM "${WAIT_WATCHDOG}" 2>/dev/null || true
      [[ -z ${WAIT_PID} ]] || kill -TERM -- "-${WAIT_PID}" 2>/dev/null || true
      WAIT_PID=''
      WAIT_WATCHDOG=''
    }

    # \#(C.expectEmpty) OUTPUT FAILURE: the checked command must print nothing.
    \#(C.expectEmpty)() {
      [[ -z $1 ]] && return 0
      warn "$2"
      indent "$1" >&2
      return 1
    }

    # \#(C.expectNonEmpty) OUTPUT FAILURE: the checked command must print something.
    \#(C.expectNonEmpty)() {
      [[ -n ${1//[[:space:]]/} ]] && return 0
      warn "$2"
      return 1
    }

    # \#(C.expectEqual) OUTPUT EXPECTED FAILURE: the checked command must print EXPECTED.
    \#(C.expectEqual)() {
      [[ $1 == "$2" ]] && return 0
      warn "$3"
      warn "expected:"
      indent "$2" >&2
      warn "got:"
      indent "$1" >&2
      return 1
    }

    # \#(C.expectVersionAtLeast) OUTPUT MINIMUM FAILURE: the checked command must print a
    # version (numbers separated by dots, after an optional v; anything after
    # them is ignored) that is MINIMUM or later, compared part by part as
    # numbers: 1.10.0 is later than 1.9.1.
    \#(C.expectVersionAtLeast)() {
      local index have_part need_part
      local -a have=() need=()
      if [[ $1 =~ ^[[:space:]]*v?([0-9]{1,9}(\.[0-9]{1,9})*) ]]; then
        IFS=. read -r -a have <<<"${BASH_REMATCH[1]}"
        IFS=. read -r -a need <<<"$2"
        for ((index = 0; index < ${#need[@]} || index < ${#have[@]}; index++)); do
          have_part=$((10#${have[index]:-0}))
          need_part=$((10#${need[index]:-0}))
          ((have_part > need_part)) && return 0
          ((have_part < need_part)) && break
        done
        ((have_part >= need_part)) && return 0
      fi
      warn "$3"
      warn "expected: version $2 or later"
      warn "got:"
      indent "$1" >&2
      return 1
    }

    # \#(C.chooseOne) VARIABLE FLAG WHAT LISTER: sets VARIABLE to exactly one of the
    # lines LISTER prints: the value already given, the only one, or the
    # operator's pick. Under --yes several candidates and none given is an error.
    \#(C.chooseOne)() {
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
        record_choice "${variable}"
        say "  Chose ${what}: ${candidates[0]} (the only candidate)."
        return 0
      fi
      if ((\#(O.assumeYes))); then
        warn "several candidates for ${what} and none named; name one with ${flag}:"
        indent "$(printf '%s\n' "${candidates[@]}")" >&2
        return 1
      fi
      say "  Candidates for ${what}:"
      local index
      for index in "${!candidates[@]}"; do say "    $((index + 1))) ${candidates[index]}"; done
      local tries=0
      while true; do
        ask_again "${tries}"
        tries=$((tries + 1))
        ask "  Type the number of your choice: "
        if [[ ${REPLY} =~ ^[0-9]+$ ]] && ((REPLY >= 1 && REPLY <= ${#candidates[@]})); then
          printf -v "${variable}" '%s' "${candidates[REPLY - 1]}"
          record_choice "${variable}"
          say "  Chose ${what}: ${!variable}."
          return 0
        fi
      done
    }

    # \#(C.requireTools) TOOL...: every TOOL must be on PATH; preflight exits 3 otherwise.
    \#(C.requireTools)() {
      local tool
      local -a missing=()
      for tool in "$@"; do
        command -v "${tool}" >/dev/null 2>&1 || missing+=("${tool}")
      done
      if ((${#missing[@]} > 0)); then
        die "${\#(E.preflight)}" "preflight failed: required tools not found on PATH: ${missing[*]}"
      fi
    }

    # \#(C.preflightCheck) WHAT COMMAND...: a failed context check exits 3 before any step.
    \#(C.preflightCheck)() {
      if ! "${@:2}"; then
        die "${\#(E.preflight)}" "preflight failed: $1"
      fi
      say "  ok: $1"
    }

    # \#(C.readableFile) NAME: the parameter NAME is empty or names an
    # existing, readable file.
    \#(C.readableFile)() {
      local value=${!1}
      [[ -z ${value} || (-f ${value} && -r ${value}) ]] && return 0
      warn "$1 is ${value@Q}, which is not an existing, readable file"
      return 1
    }

    # on_error: names the step that failed, its section of the runbook and how
    # to carry on, then exits 1, or the timeout status when the step's wait
    # timed out.
    on_error() {
      local status=$?
      if [[ ${BASHPID} != "$$" ]]; then
        exit "${status}"
      fi
      trap - ERR
      [[ -z ${STATE_FD} ]] || load_state
      if [[ -n ${\#(C.currentStepID)} && ${STATE_TIMED_OUT} == "${\#(C.currentStepID)}" ]]; then
        record "[${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]}] ${\#(C.currentStepID)}: timed out"
        warn "step ${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]} ${\#(C.currentStepID)} (${\#(C.currentStepTitle)}) timed out; once what it waits for holds, carry on from that step: ${\#(C.scriptName)} ${\#(C.selectedPhases)[*]} --resume${RESUME_OPTIONS}"
        warn "the runbook's section on this step: README.md#\#(RunbookAnchor.stepPrefix)${\#(C.currentStepID)}"
        exit "${\#(E.timedOut)}"
      fi
      if [[ -n ${\#(C.currentStepID)} ]]; then
        record "[${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]}] ${\#(C.currentStepID)}: failed with exit status ${status}"
        warn "step ${\#(C.currentStepNumber)}/${#\#(C.stepIDs)[@]} ${\#(C.currentStepID)} (${\#(C.currentStepTitle)}) failed with exit status ${status}"
        warn "the runbook's section on this step: README.md#\#(RunbookAnchor.stepPrefix)${\#(C.currentStepID)}"
        warn "fix the cause, then carry on from that step: ${\#(C.scriptName)} ${\#(C.selectedPhases)[*]} --resume${RESUME_OPTIONS}"
      else
        warn "failed with exit status ${status}"
      fi
      exit "${\#(E.stepFailed)}"
    }
    """#
}
