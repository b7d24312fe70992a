import Model

/// The part of the runtime that binds a run to its inputs: a fresh state
/// file records the selected phases and every parameter's value (a secret
/// only as a salted SHA-256 digest), and so does each choice a step makes.
/// `--resume` restores a value the operator left out, and refuses one that
/// differs (exit 2, naming the parameter and both values; a secret only
/// "differs") unless `--force-resume`. Values are stored as the hex of their
/// bytes and read back with `printf %b`: nothing is ever evaluated.
enum BashInputs {
  private typealias C = ScriptContract
  private typealias O = ScriptOptionNames
  private typealias E = ExitStatusNames

  static let text = #"""
    # ---------------------------------------------------------------------------
    # Inputs: what a run was started with, so that --resume carries on with it.
    # ---------------------------------------------------------------------------

    # hex_encode TEXT: sets HEX to the bytes of TEXT in hexadecimal.
    hex_encode() {
      local LC_ALL=C text=$1 index
      HEX=''
      for ((index = 0; index < ${#text}; index++)); do
        printf -v HEX '%s%02x' "${HEX}" "'${text:index:1}"
      done
    }

    # hex_decode HEX: sets TEXT to the bytes HEX spells.
    hex_decode() {
      local hex=$1 escaped='' index
      for ((index = 0; index < ${#hex}; index += 2)); do escaped+="\\x${hex:index:2}"; done
      printf -v TEXT '%b' "${escaped}"
    }

    # secret_digest VALUE SALT: sets DIGEST to the SHA-256 of SALT and VALUE,
    # fed on standard input (never an argument, so never in ps).
    secret_digest() {
      local line
      if command -v sha256sum >/dev/null 2>&1; then
        line=$(printf '%s%s' "$2" "$1" | sha256sum)
      elif command -v shasum >/dev/null 2>&1; then
        line=$(printf '%s%s' "$2" "$1" | shasum -a 256)
      else
        die "${\#(E.preflight)}" "neither sha256sum nor shasum is on PATH: the state file keeps secrets only as a digest"
      fi
      DIGEST=${line%% *}
    }

    # input_line NAME: the state line that records parameter NAME's value.
    input_line() {
      local index
      for index in "${!\#(C.parameterNames)[@]}"; do
        [[ ${\#(C.parameterNames)[index]} == "$1" ]] || continue
        if ((\#(C.parameterSecret)[index])); then
          secret_digest "${!1}" "${INPUT_SALT}"
          INPUT_LINE="input $1 secret:${DIGEST}"
        else
          hex_encode "${!1}"
          INPUT_LINE="input $1 value:${HEX}"
        fi
        return 0
      done
      return 1
    }

    # record_inputs: the first lines after a fresh state file's model line.
    record_inputs() {
      local name
      INPUT_SALT=${RANDOM}${RANDOM}${RANDOM}${EPOCHREALTIME/[.,]/}
      state_write "salt ${INPUT_SALT}"
      hex_encode "${\#(C.selectedPhases)[*]}"
      state_write "phases value:${HEX}"
      for name in "${\#(C.parameterNames)[@]}"; do
        input_line "${name}" && state_write "${INPUT_LINE}"
      done
    }

    # record_choice NAME: a value a step chose, for --resume to restore.
    record_choice() {
      [[ -n ${STATE_FD} ]] || return 0
      input_line "$1" && state_write "${INPUT_LINE}"
    }

    # bind_inputs: on --resume, restores the values the operator left out and
    # refuses values that differ from the run being resumed, as load_state
    # read them from the state file.
    bind_inputs() {
      local name stored shown
      local -a differ=()
      load_state
      if [[ -n ${RECORDED_PHASES} ]]; then
        hex_encode "${\#(C.selectedPhases)[*]}"
        if [[ ${RECORDED_PHASES} != "value:${HEX}" ]]; then
          hex_decode "${RECORDED_PHASES#value:}"
          differ+=("the phases: ${TEXT} in the run being resumed, ${\#(C.selectedPhases)[*]} now")
        fi
      fi
      for name in "${\#(C.parameterNames)[@]}"; do
        stored=${RECORDED_INPUTS[${name}]-}
        [[ -n ${stored} ]] || continue
        input_line "${name}"
        [[ ${INPUT_LINE} == "input ${name} ${stored}" ]] && continue
        if [[ ${stored} == secret:* ]]; then
          [[ -n ${!name} ]] && differ+=("${name}: the secret differs from the run being resumed")
          continue
        fi
        hex_decode "${stored#value:}"
        if [[ -z ${!name} ]]; then
          printf -v "${name}" '%s' "${TEXT}"
          say "  ${name} restored from the run being resumed."
          continue
        fi
        shown=${TEXT@Q}
        differ+=("${name}: ${shown} in the run being resumed, ${!name@Q} now")
      done
      ((${#differ[@]} > 0)) || return 0
      if ((\#(O.forceResume))); then
        warn "resuming with other values than the run being resumed (--force-resume):"
        printf '  %s\n' "${differ[@]}" >&2
        return 0
      fi
      warn "--resume carries on a run with the values it was started with, and these differ:"
      printf '  %s\n' "${differ[@]}" >&2
      die "${\#(E.usage)}" "give the same values (or leave them out to reuse them), resume anyway with --force-resume, or start over with --restart"
    }

    """#
}
