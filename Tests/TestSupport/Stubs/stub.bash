#!/usr/bin/env bash
# A stand-in for any tool a generated script runs. Every name linked to this
# file records its call in $STUB_DIR/calls.log, one line per call:
#   NAME ARG ARG ...      (each argument %q-quoted, so the line is exact)
# and each argument NUL-terminated in $STUB_DIR/args/N (N = call number).
# It answers by the first rule in $STUB_DIR/rules that matches:
#   NAME<TAB>GLOB<TAB>STATUS<TAB>OUTPUT
# where GLOB is matched against the arguments joined by spaces, and OUTPUT
# is printed with printf %b. A rule whose STATUS is N@K fails with status K
# on the N-th matching call only. `kubectl cp SRC DEST` to a local DEST
# copies $STUB_DIR/files/<basename of SRC> there; `tar -czf FILE` creates FILE. `kubectl exec -i` and
# `kubectl apply -f -` record their standard input after the call line, each
# line prefixed by "  | ".
# Each call's $MIGRATE_STEP_ID (the generated script's running step) goes to
# $STUB_DIR/steps.log, a line per call. With STUB_FAIL_AT=N the N-th call of
# any stub fails with status 1 before it answers; with STUB_FAIL_AFTER=N the
# N-th call answers (output, copied files) and then fails with status 1, as
# a command that acted and lost its response; a rule whose STATUS is `hang` blocks for a
# minute (for signal tests).
# A tool with an emulator ($STUB_DIR/emulators/NAME, a bash file) is answered
# by it, with the call's arguments and standard input, after the call is
# recorded and before any rule: the emulator keeps the emulated system's
# state, and exits 125 for a call it leaves to the rules. STUB_FAIL_AT fails
# a call before the emulator acts, STUB_FAIL_AFTER after it acted.
# With STUB_SIGNAL_AT=N the N-th call sends STUB_SIGNAL (INT, TERM or KILL)
# to the generated script, before it acts (STUB_SIGNAL_WHEN=before) or after
# (after): INT to the script's process group, as Ctrl-C at its terminal;
# TERM to the script alone, as `kill PID`; KILL to the script and every
# process under it at once, as when its machine or session dies.
# Only builtins (and the real sleep, by absolute path) are used: the real
# tools may be stubbed too.
name=${0##*/}
log="${STUB_DIR:?}/calls.log"
count=0
[[ -f "${STUB_DIR}/count" ]] && read -r count <"${STUB_DIR}/count"
count=$((count + 1))
printf '%s\n' "${count}" >"${STUB_DIR}/count"
# One write per line, so that stubs running at the same time (pipes,
# xargs -P, concurrent steps) cannot interleave their lines.
printf -v quoted ' %q' "$@"
printf '%s\n' "${name}${quoted}" >>"${log}"
printf '%s\n' "${MIGRATE_STEP_ID-}" >>"${STUB_DIR}/steps.log"
if [[ -d "${STUB_DIR}/args" ]]; then
  printf '%s\0' "$@" >"${STUB_DIR}/args/${count}"
fi
# send_signal (signal.bash, beside this file in STUB_DIR).
# shellcheck source=/dev/null
source "${STUB_DIR}/signal.bash"
if [[ ${STUB_SIGNAL_AT-} == "${count}" && ${STUB_SIGNAL_WHEN-before} == before ]]; then
  send_signal
fi
emulator="${STUB_DIR}/emulators/${name}"
stdin_copy=/dev/null
if [[ ${name} == kubectl && ((${1-} == exec && " $* " == *" -i "*) || (${1-} == apply && " $* " == *" -f - "*)) ]]; then
  stdin_copy="${STUB_DIR}/stdin.${count}"
  : >"${stdin_copy}"
  while IFS= read -r line || [[ -n ${line} ]]; do
    printf '  | %s\n' "${line}" >>"${log}"
    printf '%s\n' "${line}" >>"${stdin_copy}"
  done
fi
if [[ -n ${STUB_FAIL_AT-} && ${count} == "${STUB_FAIL_AT}" ]]; then
  printf 'stub: call %s fails on purpose\n' "${count}" >&2
  exit 1
fi
# finish STATUS: exits with STATUS, or 1 for the call STUB_FAIL_AFTER names.
finish() {
  if [[ ${STUB_SIGNAL_AT-} == "${count}" && ${STUB_SIGNAL_WHEN-} == after ]]; then
    send_signal
  fi
  if [[ -n ${STUB_FAIL_AFTER-} && ${count} == "${STUB_FAIL_AFTER}" ]]; then
    printf 'stub: call %s acted, then fails on purpose\n' "${count}" >&2
    exit 1
  fi
  exit "$1"
}
if [[ -f ${emulator} ]]; then
  # In a subshell of this one, not a new bash: a call costs one start of bash.
  # shellcheck source=/dev/null
  (source "${emulator}" "$@") <"${stdin_copy}"
  status=$?
  ((status == 125)) || finish "${status}"
fi
if [[ ${name} == kubectl && ${1-} == cp && ${3-} != *:* && -n ${3-} ]]; then
  source_file="${STUB_DIR}/files/${2##*/}"
  if [[ -f ${source_file} ]]; then
    while IFS= read -r line || [[ -n ${line} ]]; do printf '%s\n' "${line}"; done <"${source_file}" >"$3"
  fi
fi
# `tar -czf FILE ...` leaves an (empty) FILE, as the real one leaves an archive.
if [[ ${name} == tar ]]; then
  for ((i = 1; i < $#; i++)); do
    if [[ ${!i} == -*c*f ]]; then
      next=$((i + 1))
      : >"${!next}"
    fi
  done
fi
joined="$*"
if [[ -f "${STUB_DIR}/rules" ]]; then
  rule_number=0
  while IFS=$'\t' read -r rule_name glob status output; do
    rule_number=$((rule_number + 1))
    [[ ${rule_name} == "${name}" ]] || continue
    # shellcheck disable=SC2053 # the glob is meant to match
    [[ ${joined} == ${glob} ]] || continue
    if [[ ${status} == *@* ]]; then
      hits=0
      [[ -f "${STUB_DIR}/hits.${rule_number}" ]] && read -r hits <"${STUB_DIR}/hits.${rule_number}"
      hits=$((hits + 1))
      printf '%s\n' "${hits}" >"${STUB_DIR}/hits.${rule_number}"
      [[ ${hits} == "${status%@*}" ]] || continue
      status=${status#*@}
    fi
    printf '%b' "${output}"
    if [[ ${status} == hang ]]; then
      for real_sleep in /bin/sleep /usr/bin/sleep; do
        [[ -x ${real_sleep} ]] && exec "${real_sleep}" 60
      done
    fi
    finish "${status}"
  done <"${STUB_DIR}/rules"
fi
finish 0
