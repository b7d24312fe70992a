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
