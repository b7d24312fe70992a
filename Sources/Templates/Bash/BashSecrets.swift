import Model

/// The part of the runtime a procedure with secret parameters gets: a secret
/// is never needed on the command line (where `ps` and shell history show
/// it). It comes from its environment variable, from `--NAME-file PATH`
/// (`read_secret_file`), or from a prompt on the terminal that does not
/// echo (`prompt_secret`); a check against a secret shows neither value
/// (`expect_secret_equal`).
enum BashSecrets {
  private typealias C = ScriptContract

  static let text = #"""
    # ---------------------------------------------------------------------------
    # Secrets: from the environment, from --NAME-file PATH, or asked for on the
    # terminal without echo; never needed on the command line.
    # ---------------------------------------------------------------------------

    # The files given by --NAME-file, by parameter name.
    declare -A SECRET_FILES=()

    # read_secret_file NAME FLAG: sets the secret NAME from the file FLAG-file
    # named, if it named one: the file's contents without a final newline. A
    # value given as well (by FLAG or the environment) is a usage error.
    read_secret_file() {
      local path=${SECRET_FILES[$1]-} value=''
      [[ -n ${path} ]] || return 0
      [[ -z ${!1} ]] || \#(C.usageError) "$1 is given twice, by $2-file and by $2 or the environment; give it once"
      [[ -f ${path} && -r ${path} ]] || \#(C.usageError) "$2-file ${path}: not a readable file"
      IFS= read -r -d '' value <"${path}" || true
      value=${value%$'\n'}
      [[ -n ${value} ]] || \#(C.usageError) "$2-file ${path} is empty"
      printf -v "$1" '%s' "${value}"
    }

    # prompt_secret NAME MEANING: asks for the secret NAME on the terminal,
    # without echo; fails when there is no terminal or the answer is empty.
    prompt_secret() {
      local value=''
      { : </dev/tty; } 2>/dev/null || return 1
      printf '%s, %s (secret, not echoed): ' "$1" "$2" >/dev/tty
      IFS= read -r -s value </dev/tty || value=''
      printf '\n' >/dev/tty
      [[ -n ${value} ]] || return 1
      printf -v "$1" '%s' "${value}"
    }

    # mask_secrets: copies standard input to standard output with the value of
    # every secret parameter replaced by ***, so what the procedure's own
    # commands print cannot show one on the terminal or in the log. A line
    # is passed on when it ends, or after a fifth of a second without more
    # (a prompt has no newline); then its end is held back as long as it
    # could be the start of a secret, so a secret printed in two pieces is
    # masked whole, and is passed on at the end of the input.
    mask_secrets() {
      local line value status index pending='' keep length
      local -a values=()
      for index in "${!\#(C.parameterNames)[@]}"; do
        ((\#(C.parameterSecret)[index])) || continue
        value=${!\#(C.parameterNames)[index]}
        [[ -n ${value} ]] && values+=("${value}")
      done
      while true; do
        line=''
        status=0
        IFS= read -r -t 0.2 line || status=$?
        line=${pending}${line}
        pending=''
        for value in "${values[@]}"; do line=${line//"${value}"/***}; done
        if ((status == 0)); then
          printf '%s\n' "${line}"
          continue
        fi
        if ((status > 128)); then
          keep=0
          for value in "${values[@]}"; do
            for ((length = ${#value} - 1; length > keep; length--)); do
              ((length <= ${#line})) || continue
              if [[ ${line:${#line}-length} == "${value:0:length}" ]]; then
                keep=${length}
                break
              fi
            done
          done
          pending=${line:${#line}-keep}
          line=${line:0:${#line}-keep}
        fi
        [[ -z ${line} ]] || printf '%s' "${line}"
        ((status > 128)) || break
      done
    }

    # \#(C.expectSecretEqual) OUTPUT EXPECTED FAILURE: the checked command must print
    # EXPECTED, a secret: on a mismatch neither value is shown.
    \#(C.expectSecretEqual)() {
      [[ $1 == "$2" ]] && return 0
      warn "$3"
      warn "(neither value is shown: the expected one is secret)"
      return 1
    }

    """#
}
