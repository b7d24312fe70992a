extension FileFormat {
  static let phaseObjects: [FormatObject] = [phase, phasePrerequisite, contextPin, section]

  static let phase = FormatObject(
    "Phase",
    "A part of the procedure that runs in one place, selected by name: `migrate.sh export` runs the `export` phase.",
    fields: [
      .required(
        "id", .text, "Kebab-case name used on the script's command line, e.g. `export`."),
      .required("title", .text, "The phase's heading in the runbook."),
      .required("runsOn", .text, "Where the phase runs, e.g. \"the CDSW master host\"."),
      .required("summary", .text, "What the phase does; may be empty."),
      .required(
        "preflight", .objects("OutputCheck"),
        "Checks made before the phase's first step; a failure stops the run (exit 3) before anything changes."
      ),
      .optional(
        "requires", .objects("PhasePrerequisite"), absent: "none",
        "Earlier phases that must have completed, in an earlier run or earlier in this one, before this phase starts."
      ),
      .optional(
        "pins", .objects("ContextPin"), absent: "none",
        "Contexts every call of a tool in this phase must name, e.g. kubectl's `--context \"${KUBE_CONTEXT}\"`; checked by lint."
      ),
      .required("sections", .objects("Section"), "The phase's titled groups of steps, in order."),
    ])

  static let phasePrerequisite = FormatObject(
    "PhasePrerequisite",
    "A phase that must have completed before this one runs, and the parameters that must keep their values.",
    fields: [
      .required("phase", .text, "The id of an earlier phase."),
      .required(
        "sameValues", .texts,
        "Non-secret parameters both phases use whose values must be the ones the earlier phase completed with."
      ),
    ])

  static let contextPin = FormatObject(
    "ContextPin",
    "A tool's context that every call of it in the phase must name; give exactly one of `option` and `environment`.",
    fields: [
      .required("tool", .text, "The program, e.g. `kubectl`."),
      .optional(
        "option", .text, absent: "the context is named by `environment`",
        "The option that names the context, e.g. `--context`: calls must say `--context \"${KUBE_CONTEXT}\"`."
      ),
      .optional(
        "environment", .text, absent: "the context is named by `option`",
        "The variable that names the context, e.g. `PACH_CONTEXT`: calls must say `PACH_CONTEXT=\"${PACH_CONTEXT}\" pachctl ...`."
      ),
      .required("parameter", .text, "The parameter that holds the context, e.g. `KUBE_CONTEXT`."),
    ],
    exactlyOneOf: [["option", "environment"]])

  static let section = FormatObject(
    "Section",
    "A titled group of steps inside a phase, a subheading of the runbook; it may hold only notes and no steps.",
    fields: [
      .required("title", .text, "The section's heading."),
      .required("explanation", .text, "Prose shown under the heading; may be empty."),
      .required(
        "admonitions", .objects("Admonition"), "Notes, warnings and dangers of the section."),
      .required("steps", .objects("Step"), "The section's numbered steps, in order."),
    ])
}
