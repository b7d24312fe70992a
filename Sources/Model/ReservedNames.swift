extension Procedure {
  /// Names no parameter may take: every global of the generated script
  /// (``ScriptContract/globals``) and bash's own special or dangerous
  /// variables. A parameter becomes a shell variable of its name, so one
  /// named `INDEX` would be overwritten by the runtime as soon as `--from`
  /// is used, and one named `PS4` or `LD_PRELOAD` changes what bash or every
  /// program it starts does.
  public static let reservedNames: Set<String> = Set(ScriptContract.globals).union(
    bashVariables)

  /// Prefixes that are reserved as a whole: `BASH_ENV`, `LD_PRELOAD`,
  /// `COMP_WORDS`, `READLINE_LINE`, `EXIT_USAGE`, `HISTFILE`.
  public static let reservedPrefixes = ["BASH", "LD_", "COMP_", "READLINE_", "EXIT_", "DYLD_"]

  /// Whether a parameter may not be named `name`.
  public static func isReserved(_ name: String) -> Bool {
    reservedNames.contains(name) || reservedPrefixes.contains { name.hasPrefix($0) }
  }

  /// The variables bash sets, reads or acts on (bash(1), "Shell Variables"),
  /// and those the C library or common tools act on when exported.
  static let bashVariables: Set<String> = [
    // Set by bash.
    "BASHOPTS", "BASHPID", "DIRSTACK", "EPOCHREALTIME", "EPOCHSECONDS", "EUID", "FUNCNAME",
    "GROUPS", "HISTCMD", "HOSTNAME", "HOSTTYPE", "LINENO", "MACHTYPE", "MAPFILE", "OLDPWD",
    "OPTARG", "OPTIND", "OSTYPE", "PIPESTATUS", "PPID", "PWD", "RANDOM", "REPLY", "SECONDS",
    "SHELLOPTS", "SHLVL", "SRANDOM", "UID", "COLUMNS", "LINES", "HISTCONTROL", "HISTFILE",
    "HISTFILESIZE", "HISTIGNORE", "HISTSIZE", "HISTTIMEFORMAT",
    // Read by bash.
    "CDPATH", "CHILD_MAX", "ENV", "EXECIGNORE", "FCEDIT", "FIGNORE", "FUNCNEST", "GLOBIGNORE",
    "GLOBSORT", "HOME", "HOSTFILE", "IFS", "IGNOREEOF", "INPUTRC", "INSIDE_EMACS", "LANG",
    "LC_ALL", "LC_COLLATE", "LC_CTYPE", "LC_MESSAGES", "LC_NUMERIC", "LC_TIME", "MAIL",
    "MAILCHECK", "MAILPATH", "OPTERR", "PATH", "POSIXLY_CORRECT", "PROMPT_COMMAND",
    "PROMPT_DIRTRIM", "PS0", "PS1", "PS2", "PS3", "PS4", "SHELL", "TIMEFORMAT", "TMOUT",
    "TMPDIR", "TERM", "USER", "LOGNAME", "KUBECONFIG",
    // Act on every program the script starts when exported.
    "PYTHONPATH", "PYTHONSTARTUP", "PERL5LIB", "PERL5OPT", "NODE_OPTIONS", "RUBYOPT",
    "GCONV_PATH", "MALLOC_CHECK_", "TZ", "SSL_CERT_FILE",
  ]
}
