extension FileFormat {
  static let stepObjects: [FormatObject] = [step, cleanup, retry]

  static let step = FormatObject(
    "Step",
    "One numbered step: a function of the script (`step_save_site_config`) and a numbered heading of the runbook.",
    fields: [
      .required(
        "id", .text, "Stable kebab-case id, unique in the procedure, e.g. `save-site-config`."),
      .required(
        "title", .text,
        "What the step does, as the progress line shows it: `[7/31] Save site_config`."),
      .required("explanation", .text, "Why and how, in markdown prose; may be empty."),
      .required("actions", .objects("Action"), "What the step does, in order."),
      .optional(
        "destroys", .text, absent: "the step is not destructive",
        "What the step destroys, e.g. \"the CML database schemas\": the script asks for a confirmation naming it, the runbook marks the step as a danger. `${PARAMETER}` references show their values."
      ),
      .required("admonitions", .objects("Admonition"), "Notes, warnings and dangers of the step."),
      .optional(
        "cleanup", .object("Cleanup"), absent: "no cleanup",
        "What the script undoes when the run stops early, once this step has started."),
      .optional(
        "retry", .object("Retry"), absent: "one try",
        "How often to try the step before it counts as failed."),
      .optional(
        "enabledBy", .text, absent: "the step always runs",
        "The yes/no parameter that turns this optional step on, e.g. `PAUSE_DATA_LOADING`."),
      .optional(
        "concurrentGroup", .text, absent: "the step runs alone",
        "Consecutive steps with the same group run at the same time; such steps cannot ask the operator anything."
      ),
      .optional(
        "sources", .texts, absent: "none",
        "Snippets of the source document's command lines this step implements, shown as its \"Source:\" line and counted by `gen-migration trace`."
      ),
    ])

  static let cleanup = FormatObject(
    "Cleanup",
    "A shell command run at exit (after a failure or an interrupt) while the step's effect is in place.",
    fields: [
      .required(
        "command", .text,
        "The shell command that undoes the step, e.g. `kubectl delete pod helper --ignore-not-found`."
      ),
      .optional(
        "until", .text, absent: "to the end of the run",
        "The id of the step whose completion makes the cleanup unnecessary."),
    ])

  static let retry = FormatObject(
    "Retry", "Tries a step several times, a delay apart; each try is logged.",
    fields: [
      .required("attempts", .wholeNumber(minimum: 1), "How many times to try, at least 1."),
      .required("delaySeconds", .wholeNumber(minimum: 0), "Whole seconds between tries."),
    ])
}
