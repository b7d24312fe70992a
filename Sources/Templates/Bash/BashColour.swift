import Model

/// The part of the runtime that colours what an operator must not miss:
/// progress lines (`[3/10] Title: started`) bold cyan, warnings on standard
/// error yellow, a destructive step's confirmation bold red. Each stream is
/// coloured only when it is a terminal, `TERM` is set and not `dumb`, and
/// `NO_COLOR` is unset or empty (no-color.org), so a piped or redirected
/// run prints plain text; the log never holds a colour code
/// (`copy_to_log` strips them from its copy).
enum BashColour {
  private typealias O = ScriptOptionNames

  static let text = #"""
    # ---------------------------------------------------------------------------
    # Colour: progress, warnings and danger prompts on a terminal only.
    # ---------------------------------------------------------------------------

    # The escape sequences of each style, empty when its stream gets no colour.
    STYLE_PROGRESS=''
    STYLE_DANGER=''
    STYLE_WARN=''
    STYLE_RESET=$'\e[0m'

    # colour_init: colours standard output and standard error each when it is
    # a terminal, unless NO_COLOR is set and not empty or TERM is unset or dumb.
    colour_init() {
      [[ -z ${NO_COLOR-} && -n ${TERM-} && ${TERM} != dumb ]] || return 0
      if [[ -t 1 ]]; then
        STYLE_PROGRESS=$'\e[1;36m'
        STYLE_DANGER=$'\e[1;31m'
      fi
      if [[ -t 2 ]]; then STYLE_WARN=$'\e[33m'; fi
    }

    # progress MESSAGE...: a step's progress record (as record prints it),
    # coloured on a terminal.
    progress() {
      ((EPOCHSECONDS == NOW_SECOND)) || tick
      printf '%s %s%s%s\n' "${NOW}" "${STYLE_PROGRESS}" "$*" "${STYLE_PROGRESS:+${STYLE_RESET}}"
    }

    # strip_colour TEXT: sets PLAIN to TEXT without its colour codes.
    strip_colour() {
      local rest
      PLAIN=$1
      while [[ ${PLAIN} == *$'\e['* ]]; do
        rest=${PLAIN#*$'\e['}
        PLAIN=${PLAIN%%$'\e['*}${rest#*m}
      done
    }

    # copy_to_log STYLED: copies standard input to standard output and to the
    # end of the log. A coloured stream (STYLED, the length of its style, is
    # not 0) reaches the log without its colour codes, a line at a time, or
    # what has come after a fifth of a second without more (a prompt has no
    # newline).
    copy_to_log() {
      if (($1 == 0)); then
        exec tee -a -- "${\#(O.logFile)}"
      fi
      local line status log
      exec {log}>>"${\#(O.logFile)}"
      while true; do
        line=''
        status=0
        IFS= read -r -t 0.2 line || status=$?
        if ((status == 0)); then
          strip_colour "${line}"
          printf '%s\n' "${line}"
          printf '%s\n' "${PLAIN}" >&"${log}"
        elif [[ -n ${line} ]]; then
          strip_colour "${line}"
          printf '%s' "${line}"
          printf '%s' "${PLAIN}" >&"${log}"
        fi
        ((status == 0 || status > 128)) || break
      done
    }

    """#
}
