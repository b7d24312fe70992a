extension FileFormat {
  static let procedureObjects: [FormatObject] = [
    procedure, requirements, parameter, parameterRule, admonition, correction, omission,
  ]

  static let procedure = FormatObject(
    "Procedure",
    "A documented operational procedure: the one source of the script (migrate.sh), the runbook (README.md) and this JSON form.",
    fields: [
      .required(
        "formatVersion", .constant(Procedure.currentFormatVersion),
        "The version of this file format. gen-migration refuses a file of a newer format than it reads."
      ),
      .required(
        "id", .text,
        "A short, stable, kebab-case identifier, e.g. `rotate-password`; with the version it names the output folder ID/VERSION/."
      ),
      .required("title", .text, "The procedure's title, the runbook's first heading."),
      .required(
        "version", .version,
        "The procedure's version, a string such as `1.0`, compared numerically (1.10 is newer than 1.9)."
      ),
      .required(
        "summary", .text, "One paragraph that says what the procedure does and for whom."),
      .optional(
        "source", .text, absent: "no source",
        "Where the procedure was documented before it was modelled, e.g. a URL."),
      .required(
        "requirements", .object("Requirements"),
        "The tools and accesses the operator needs before starting."),
      .required(
        "parameters", .objects("Parameter"),
        "The procedure's inputs: script flags and environment variables, rows of the runbook's parameter table."
      ),
      .required(
        "admonitions", .objects("Admonition"),
        "Notes, warnings and dangers that apply to the whole procedure, shown up front."),
      .required(
        "limitations", .texts, "What the procedure does not do, as its source documents it."),
      .required(
        "phases", .objects("Phase"),
        "The parts of the procedure, each run in one place and selected by name on the script's command line."
      ),
      .required(
        "corrections", .objects("Correction"),
        "Where the model deliberately differs from its source document, and why."),
      .optional(
        "omissions", .objects("Omission"), absent: "none",
        "Command lines of the source document the model deliberately leaves out, each with its reason."
      ),
      .optional(
        "stateDirectory", .text, absent: "`${HOME}/.gen-migration/ID`",
        "The folder of the script's state file and log, a template such as `${WORK_DIR}/state`."
      ),
    ])

  static let requirements = FormatObject(
    "Requirements", "What the operator needs before starting.",
    fields: [
      .required(
        "tools", .texts,
        "The programs the commands run, e.g. `kubectl`; lint compares them with the tools the commands actually call."
      ),
      .required(
        "accesses", .texts,
        "Accesses and prior conditions, e.g. \"the workspace's kubeconfig\"."),
    ])

  static let parameter = FormatObject(
    "Parameter",
    "An input of the procedure: the script's variable NAME, set by the flag `--name VALUE` or the environment.",
    fields: [
      .required(
        "name", .text,
        "UPPER_SNAKE_CASE variable name, e.g. `WAIT_TIMEOUT` (flag `--wait-timeout`). Commands read it as `\"${WAIT_TIMEOUT}\"`."
      ),
      .required(
        "meaning", .text, "What the value is for, as the runbook's table and `--help` show it."),
      .optional(
        "defaultValue", .text, absent: "no default",
        "The value used when none is given. It may read environment variables as `${HOME}`; everything else is literal."
      ),
      .required(
        "isRequired", .boolean,
        "Whether the script refuses to start (exit 2) when no value is given."),
      .required(
        "isSecret", .boolean,
        "Whether the value is secret: never printed, logged or recorded; shown as `***`."),
      .required("kind", .enumeration("ParameterKind"), "What values the parameter takes."),
      .required("choices", .texts, "The values allowed; an empty list allows any."),
      .required(
        "phases", .texts,
        "The ids of the phases that use the parameter; an empty list means every phase."
      ),
      .optional(
        "rules", .objects("ParameterRule"), absent: "none",
        "What the value keeps with the other inputs, checked before anything runs."),
    ])

  static let parameterKind = FormatEnumeration(
    "ParameterKind", "What values a parameter takes.",
    values: Parameter.Kind.allCases.map { ($0.rawValue, $0.formatSummary) })

  static let parameterRule = FormatObject(
    "ParameterRule",
    "A rule a parameter's value keeps with the other inputs; its `kind` names the rule.",
    variants: ParameterRule.Kind.allCases.map { kind in
      FormatVariant(kind.rawValue, kind.formatSummary, fields: kind.formatFields)
    })

  static let admonition = FormatObject(
    "Admonition", "A note, warning or danger, shown as an alert in the runbook.",
    fields: [
      .required("kind", .enumeration("AdmonitionKind"), "How serious the admonition is."),
      .required("text", .text, "What the operator must know, in markdown prose."),
    ])

  static let admonitionKind = FormatEnumeration(
    "AdmonitionKind", "How serious an admonition is.",
    values: Admonition.Kind.allCases.map { ($0.rawValue, $0.formatSummary) })

  static let correction = FormatObject(
    "Correction",
    "Where the model deliberately differs from its source document: what the source says, why it is wrong, what the model does instead.",
    fields: [
      .required("title", .text, "A short name of the correction, unique in the procedure."),
      .required("source", .text, "The source's own words, usually a command."),
      .required("problem", .text, "What is wrong with them."),
      .required("fix", .text, "What the model does instead."),
      .required("steps", .texts, "The ids of the steps that carry the fix."),
      .optional(
        "changes", .texts, absent: "none",
        "Snippets of the source's command lines the correction changes, counted by `gen-migration trace`."
      ),
    ])

  static let omission = FormatObject(
    "Omission",
    "A command line of the source document the model deliberately leaves out, with the reason.",
    fields: [
      .required(
        "line", .text,
        "The omitted line or a snippet of it, matched like a step's `sources`; `465: ...` matches only the line starting on line 465."
      ),
      .required(
        "reason", .text, "Why the model leaves it out, in a sentence a reviewer can check."),
    ])
}

extension Parameter.Kind {
  var formatSummary: String {
    switch self {
    case .text: "Any text."
    case .integer: "A whole number of zero or more, e.g. a timeout in seconds."
    case .yesNo: "`yes` or `no`, e.g. whether to take an optional step (see a step's `enabledBy`)."
    }
  }
}

extension Admonition.Kind {
  var formatSummary: String {
    switch self {
    case .note: "Worth knowing."
    case .warning: "Something can go wrong unless the operator takes care."
    case .danger: "Data or service can be lost."
    }
  }
}

extension ParameterRule.Kind {
  var formatSummary: String {
    switch self {
    case .differsFrom: "The value, when given, differs from the named parameter's value."
    case .requiredWhen: "The parameter is required when the named parameter has `value`."
    case .existingFile: "The value, when given, names an existing, readable file."
    }
  }

  var formatFields: [FormatField] {
    switch self {
    case .differsFrom:
      [.required("parameter", .text, "The name of the other parameter, e.g. `SESSION`.")]
    case .requiredWhen:
      [
        .required("parameter", .text, "The name of the other parameter, e.g. `CLOUD`."),
        .required("value", .text, "The other parameter's value that makes this one required."),
      ]
    case .existingFile: []
    }
  }
}
