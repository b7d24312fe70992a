import Model

/// The run record: a file of JSON lines beside the log that every run
/// appends to, for machines (`gen-migration report` reads it). One object a
/// line, each with `event`, `time` (ISO 8601) and `epoch` (seconds):
///
///     {"event":"run-started",...,"procedure":"cml","version":"1.0","fingerprint":"…",
///      "phases":["import"],"user":"ops","host":"db1","pid":4242,"resume":false,
///      "parameters":{"NAMESPACE":"mlx","DB_PASSWORD":"***"}}
///     {"event":"step-started",...,"step":"scale-down","number":3,"phase":"import","title":"…"}
///     {"event":"answer",...,"step":"drop-db","prompt":"Type yes …","answer":"yes"}
///     {"event":"step-ended",...,"step":"scale-down","status":"completed","exit":0,
///      "attempts":1,"seconds":4}
///     {"event":"step-skipped",...,"step":"backup","number":2,"reason":"completed-earlier"}
///     {"event":"step-undone",...,"step":"copy-files","number":5,"cleanup":"create-pod"}
///     {"event":"cleanup",...,"step":"create-pod","status":"completed"}
///     {"event":"run-ended",...,"status":0}
///
/// A step's status is `completed`, `failed`, `timed-out`, `declined` or
/// `interrupted`; a step still open when the run exits is closed with the
/// run's status. As a stopping run's cleanup undoes a step, the steps it
/// undoes are `step-undone` (recorded before the cleanup acts), then the
/// cleanup's own line says whether its command succeeded. A secret parameter's value is never written: it is `***`.
/// Text is escaped with bash builtins only; text that is not valid UTF-8 is
/// written byte by byte as Latin-1 (`\u00ff`), so every line parses as JSON.
enum BashRunRecord {
  private typealias C = ScriptContract
  private typealias O = ScriptOptionNames
  private typealias E = ExitStatusNames

  /// The runtime's text. The record's path, for a log at `LOG_FILE`: `.log` becomes
  /// `.record.jsonl` (`cml.log` gives `cml.record.jsonl`), any other name
  /// gets `.record.jsonl` added (see `record_prepare`).
  static let text = #"""
    # ---------------------------------------------------------------------------
    # Run record: JSON lines beside the log, one object an event.
    # ---------------------------------------------------------------------------

    RECORD_FILE=''
    RECORD_FD=''
    RECORD_UMASK=''
    RECORD_ATTEMPTS=1
    RECORD_OPEN=()
    JSON=''
    # Valid UTF-8, byte by byte (matched with LC_ALL=C).
    JSON_UTF8=$'^([\x01-\x7f]|[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf][\x80-\xbf]|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf][\x80-\xbf]|[\xf1-\xf3][\x80-\xbf][\x80-\xbf][\x80-\xbf]|\xf4[\x80-\x8f][\x80-\xbf][\x80-\xbf])*$'

    # json_text TEXT: sets JSON to TEXT as a quoted JSON string: backslash and
    # quote escaped, control characters as \n, \t, \r or \u00XX, and text that
    # is not valid UTF-8 written byte by byte as Latin-1. Builtins only.
    json_text() {
      # Printable ASCII but the quote and the backslash needs no escaping:
      # most text (ids, titles, numbers) is done here, in the caller's locale.
      if [[ $1 != *[!\ \!#-\[\]-~]* ]]; then
        JSON="\"$1\""
        return 0
      fi
      local LC_ALL=C
      local text=$1 code hex char out='' index
      text=${text//\\/\\\\}
      text=${text//\"/\\\"}
      if [[ ${text} == *[[:cntrl:]]* ]]; then
        text=${text//$'\n'/\\n}
        text=${text//$'\t'/\\t}
        text=${text//$'\r'/\\r}
        for ((code = 1; code < 32; code++)); do
          printf -v hex '%02x' "${code}"
          printf -v char '%b' "\\x${hex}"
          text=${text//"${char}"/\\u00${hex}}
        done
      fi
      if [[ ${text} == *[$'\x80'-$'\xff']* && ! ${text} =~ ${JSON_UTF8} ]]; then
        for ((index = 0; index < ${#text}; index++)); do
          char=${text:index:1}
          if [[ ${char} == [$'\x80'-$'\xff'] ]]; then
            printf -v hex '%02x' "'${char}"
            out+="\\u00${hex}"
          else
            out+=${char}
          fi
        done
        text=${out}
      fi
      JSON="\"${text}\""
    }

    # record_event EVENT FIELDS: appends {"event":EVENT,"time":…,"epoch":…,FIELDS}
    # to the run record, FIELDS being JSON members already escaped.
    record_event() {
      [[ -n ${RECORD_FD} ]] || return 0
      ((EPOCHSECONDS == NOW_SECOND)) || tick
      printf '{"event":"%s","time":"%s","epoch":%s%s}\n' "$1" "${NOW}" "${NOW_SECOND}" "${2:+,$2}" >&"${RECORD_FD}"
    }

    # record_prepare: the record's path (beside the log), checked like the
    # log's; from here until record_open, files are created mode 0600 (the
    # lock, the state file, the log and the record).
    record_prepare() {
      RECORD_FILE=${\#(O.logFile)%.log}.record.jsonl
      check_run_file "run record" "${RECORD_FILE}" 0
      RECORD_UMASK=$(umask)
      umask 077
    }

    # record_open: opens the record for appending and writes the run's start:
    # procedure, model, phases, who and where, and the parameters, each
    # secret one as ***.
    record_open() {
      local index name fields phases='' parameters=''
      exec {RECORD_FD}>>"${RECORD_FILE}"
      umask "${RECORD_UMASK}"
      for name in "${\#(C.selectedPhases)[@]}"; do
        json_text "${name}"
        phases+=${phases:+,}${JSON}
      done
      for index in "${!\#(C.parameterNames)[@]}"; do
        name=${\#(C.parameterNames)[index]}
        if ((\#(C.parameterSecret)[index])) && [[ -n ${!name} ]]; then
          JSON='"***"'
        else
          json_text "${!name}"
        fi
        parameters+=${parameters:+,}"\"${name}\":${JSON}"
      done
      json_text "${\#(C.procedureID)}"
      fields="\"procedure\":${JSON}"
      json_text "${\#(C.procedureVersion)}"
      fields+=",\"version\":${JSON},\"fingerprint\":\"${\#(C.modelFingerprint)}\",\"phases\":[${phases}]"
      json_text "${USER:-${LOGNAME-}}"
      fields+=",\"user\":${JSON},\"uid\":${UID}"
      json_text "${HOSTNAME-}"
      fields+=",\"host\":${JSON},\"pid\":$$"
      if ((\#(O.resume))); then fields+=',"resume":true'; else fields+=',"resume":false'; fi
      json_text "${\#(O.stateFile)}"
      fields+=",\"state_file\":${JSON}"
      json_text "${\#(O.logFile)}"
      fields+=",\"log_file\":${JSON},\"parameters\":{${parameters}}"
      record_event run-started "${fields}"
    }

    # record_step_started INDEX: the step at INDEX starts; it stays open
    # until it ends. Its JSON was written by the generator (RECORD_STEPS).
    record_step_started() {
      RECORD_OPEN[$1]=${EPOCHSECONDS} RECORD_ATTEMPTS=1
      [[ -z ${RECORD_FD} ]] || record_event step-started "${RECORD_STEPS[$1]},${RECORD_STEP_TITLES[$1]}"
    }

    # record_step_ended INDEX STATUS EXIT: the step at INDEX ends with STATUS
    # (completed, failed, timed-out, declined, interrupted) and exit status EXIT.
    record_step_ended() {
      local started=${RECORD_OPEN[$1]-${EPOCHSECONDS}}
      unset 'RECORD_OPEN[$1]'
      [[ -z ${RECORD_FD} ]] || record_event step-ended "${RECORD_STEPS[$1]},\"status\":\"$2\",\"exit\":$3,\"attempts\":${RECORD_ATTEMPTS},\"seconds\":$((EPOCHSECONDS - started))"
    }

    # record_skipped INDEX REASON: a step of a selected phase did not run:
    # optional, not-selected or completed-earlier.
    record_skipped() {
      [[ -z ${RECORD_FD} ]] || record_event step-skipped "${RECORD_STEPS[$1]},\"reason\":\"$2\""
    }

    # record_answer PROMPT: what the operator answered (REPLY) at PROMPT
    # (without its outer spaces), in the record and, through the same output
    # as the prompt (so never out of order), on the terminal and in the log,
    # where it ends the prompt's line: the terminal's echo of the answer
    # reaches neither the log nor the record.
    record_answer() {
      local prompt step
      say "${1%%[! ]*}Answered: ${REPLY}"
      [[ -n ${RECORD_FD} ]] || return 0
      prompt=${1#"${1%%[! ]*}"}
      json_text "${prompt%"${prompt##*[! ]}"}"
      prompt=${JSON}
      json_text "${\#(C.currentStepID)}"
      step=${JSON}
      json_text "${REPLY}"
      record_event answer "\"step\":${step},\"prompt\":${prompt},\"answer\":${JSON}"
    }

    # record_close STATUS: the run ends with exit status STATUS; a step still
    # open ends with it too (interrupted by a signal, declined, timed out,
    # or failed).
    record_close() {
      local index status=failed
      [[ -n ${RECORD_FD} ]] || return 0
      case $1 in
        0) status=completed ;;
        130 | 143) status=interrupted ;;
        "${\#(E.timedOut)}") status=timed-out ;;
        "${\#(E.declined)}") status=declined ;;
      esac
      for index in "${!RECORD_OPEN[@]}"; do record_step_ended "${index}" "${status}" "$1"; done
      record_event run-ended "\"status\":$1"
      exec {RECORD_FD}>&-
      RECORD_FD=''
    }
    """#

  /// The generated part of the record: each step's members, escaped by the
  /// generator, so a step's records cost no escaping at run time:
  ///
  ///     RECORD_STEPS=('"step":"back-up","number":1' …)
  ///     RECORD_STEP_TITLES=('"phase":"main","title":"Back up"' …)
  static func stepTable(_ procedure: Procedure) -> [ScriptNode] {
    let steps = procedure.orderedSteps
    return [
      .comment("The run record's JSON of each step: its id and number, its phase and title."),
      .array(
        name: "RECORD_STEPS",
        elements: steps.enumerated().map { number, entry in
          .literal("\"step\":\(JSONNode.quoted(entry.step.id)),\"number\":\(number + 1)")
        }, multiline: true),
      .array(
        name: "RECORD_STEP_TITLES",
        elements: steps.map { entry in
          .literal(
            "\"phase\":\(JSONNode.quoted(entry.phase.id)),\"title\":\(JSONNode.quoted(entry.step.title))"
          )
        }, multiline: true),
      .blank,
    ]
  }
}
