extension FileFormat {
  static let action = FormatObject(
    "Action",
    "One thing a step does; its `kind` names what, beside the fields of that kind: `{\"kind\": \"shell\", \"command\": \"...\"}`.",
    variants: Action.Kind.allCases.map { kind in
      FormatVariant(kind.rawValue, kind.formatSummary, fields: kind.formatFields)
    })

  static let outputCheck = FormatObject(
    "OutputCheck",
    "Runs a command and checks what it prints; a mismatch fails with `failure`.",
    fields: outputCheckFields)

  static let outputCheckFields: [FormatField] = [
    .required(
      "description", .text, "What is checked, e.g. \"no project files are left\"."),
    .required("command", .text, "The shell command whose output is checked."),
    .required("expectation", .object("Expectation"), "What the output must be."),
    .required(
      "failure", .text, "What is wrong when the output differs, and what to do about it."),
  ]

  static let expectation = FormatObject(
    "Expectation", "What the output of a check must be; its `kind` names the test.",
    variants: Expectation.Kind.allCases.map { kind in
      FormatVariant(kind.rawValue, kind.formatSummary, fields: kind.formatFields)
    })

  /// Whole seconds, or the one parameter that holds them.
  static let timeout = FormatValue.either([
    .wholeNumber(minimum: 0),
    .pattern(
      "a reference to an integer parameter such as `${WAIT_TIMEOUT}`", "^\\$\\{[A-Z][A-Z0-9_]*\\}$"),
  ])
}

extension Action.Kind {
  var formatSummary: String {
    switch self {
    case .shell: "A shell command, run by bash as written; parameters are read as `\"${NAME}\"`."
    case .sql:
      "SQL sent on standard input to a client command (through a quoted here-document, so the shell expands nothing in it)."
    case .writeFile:
      "A file written from inline content; `${PARAMETER}` references in the path and content are replaced by their values."
    case .manual:
      "An instruction only a person can carry out: the script prints it and waits for `done`; under `--yes` it runs the verification."
    case .wait: "Polls a condition until it holds, giving up after a timeout."
    case .check: "Runs a command and checks what it prints; a mismatch fails the step."
    case .choose:
      "Picks one value from the lines a command prints into a parameter: the given value, the only candidate, or the operator's choice."
    }
  }

  var formatFields: [FormatField] {
    switch self {
    case .shell:
      [
        .required(
          "command", .text, "The shell command, e.g. `kubectl scale deployment/web --replicas=0`.")
      ]
    case .sql:
      [
        .required(
          "client", .text,
          "The command that reads SQL on standard input, e.g. `psql -v ON_ERROR_STOP=1 \"${DATABASE_URL}\"`."
        ),
        .required("statements", .text, "The SQL, shown in an `sql` block in the runbook."),
      ]
    case .writeFile:
      [
        .required("path", .text, "Where to write, e.g. `${WORK_DIR}/pod.yaml`."),
        .required(
          "language", .text, "The content's language for the runbook's code block, e.g. `yaml`."),
        .required(
          "content", .text, "What to write, byte for byte apart from `${PARAMETER}` references."),
      ]
    case .manual:
      [
        .required("instruction", .text, "What the operator must do, in markdown prose."),
        .optional(
          "verification", .object("OutputCheck"), absent: "no verification (`--yes` stops here)",
          "A check that shows the instruction was carried out, run under `--yes`."),
      ]
    case .wait:
      [
        .required(
          "description", .text,
          "What is awaited, completing \"Waiting for ...\": \"the db-0 pod to be ready\"."),
        .required("condition", .text, "A shell command that succeeds once the condition holds."),
        .required(
          "intervalSeconds", .wholeNumber(minimum: 1), "Whole seconds between tries, at least 1."),
        .required(
          "timeoutSeconds", FileFormat.timeout,
          "How long to wait at most: whole seconds as a number (`600`), or a string naming one integer parameter (`\"${WAIT_TIMEOUT}\"`). The old string of digits (`\"600\"`) is read with a deprecation warning."
        ),
      ]
    case .check: FileFormat.outputCheckFields
    case .choose:
      [
        .required(
          "description", .text, "What is chosen, e.g. \"the admin who will own the projects\"."),
        .required(
          "parameter", .text, "The parameter that names the choice and receives it, e.g. `ADMIN`."),
        .required("candidates", .text, "A shell command that prints one candidate per line."),
      ]
    }
  }
}

extension Expectation.Kind {
  var formatSummary: String {
    switch self {
    case .empty: "The command prints nothing."
    case .nonEmpty: "The command prints at least one non-blank line."
    case .equals: "The command prints exactly `text` (trailing newlines ignored)."
    case .equalsParameter:
      "The command prints exactly the value of `parameter`, e.g. the kube context the operator named."
    case .versionAtLeast:
      "The command prints a version at least `version`, compared part by part as numbers (1.10.0 is later than 1.9.1)."
    }
  }

  var formatFields: [FormatField] {
    switch self {
    case .empty, .nonEmpty: []
    case .equals: [.required("text", .text, "The exact output expected.")]
    case .equalsParameter:
      [.required("parameter", .text, "The name of the parameter whose value is expected.")]
    case .versionAtLeast:
      [
        .required(
          "version", .pattern("numbers separated by dots such as `1.9.1`", "^[0-9]+(\\.[0-9]+)*$"),
          "The minimum version, numbers separated by dots such as `1.9.1`.")
      ]
    }
  }
}
