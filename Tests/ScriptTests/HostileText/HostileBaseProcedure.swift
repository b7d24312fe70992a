import Model

/// A small valid procedure with every field the corpus puts text into: two
/// phases, a preflight check, sections, a shell command, SQL, a written
/// file, a manual step with a verification, a wait, a check, a choice, a
/// concurrent group, a destructive step, a cleanup, an optional step,
/// parameters of each kind, admonitions, a correction, a limitation and
/// requirements. Every command calls the stub `tool` (or `kubectl`).
enum HostileBaseProcedure {
  /// The stubbed tools the procedure runs (besides `cat` and `sleep`).
  static let tools: Set<String> = ["tool", "kubectl"]

  static let procedure = Procedure(
    id: "hostile", title: "Hostile text", version: "1.0",
    summary: "Carries every kind of text the model has.",
    source: "The sample runbook",
    requirements: Requirements(
      tools: ["tool", "kubectl", "cat", "sleep"], accesses: ["a terminal"]),
    parameters: [
      Parameter("TARGET", "The target to work on.", required: true),
      Parameter("GREETING", "What to greet with.", default: "hello"),
      Parameter("MODE", "How to work.", default: "safe", choices: ["safe", "fast"]),
      Parameter("TOKEN", "An access token.", secret: true),
      Parameter("NOTIFY", "Whether to notify the owner.", kind: .yesNo),
      Parameter("WAIT_TIMEOUT", "Seconds to wait.", default: "30", kind: .integer),
      Parameter("ADMIN", "The admin who owns the result.", phases: ["prepare"]),
      Parameter("EXTRA", "A parameter nothing reads."),
    ],
    admonitions: [.danger("This wipes the target.")],
    limitations: ["Does not migrate the history."],
    phases: [prepare, apply],
    corrections: [
      Correction(
        "Greet before wiping", source: "tool wipe", problem: "The source wipes first.",
        fix: "The model greets first.", steps: ["greet"])
    ])

  static let prepare = Phase(
    id: "prepare", title: "Prepare", runsOn: "a workstation", summary: "Gets the target ready.",
    preflight: [
      OutputCheck(
        "the tool answers", command: "tool ping", expect: .nonEmpty,
        failure: "The tool does not answer.")
    ],
    sections: [
      Section(
        title: "Greet", explanation: "Greets the target.", admonitions: [.note("Be polite.")],
        steps: [
          Step(
            id: "greet", title: "Greet the target", explanation: "Says hello.",
            actions: [
              .shell(
                ShellCommand(
                  #"tool greet "${TARGET}" --greeting "${GREETING}" --mode "${MODE}" --token "${TOKEN}""#
                ))
            ],
            admonitions: [.warning("The target hears it.")],
            cleanup: Cleanup(#"tool undo-greet "${TARGET}""#, until: "record")),
          Step(
            id: "load-data", title: "Load the data",
            actions: [
              .sql(
                SQLScript(
                  client: "kubectl exec -i db-0 -- psql -v ON_ERROR_STOP=1",
                  "SELECT 'loaded';\n"))
            ]),
          Step(
            id: "write-config", title: "Write the configuration",
            actions: [
              .writeFile(
                FileWrite("config.yaml", language: "yaml", content: "target: ${TARGET}\n"))
            ]),
          Step(
            id: "confirm-ready", title: "Confirm the target is ready",
            actions: [
              .manual(
                ManualInstruction(
                  "Look at the target's dashboard.",
                  verification: OutputCheck(
                    "the dashboard is green", command: #"tool status "${TARGET}""#,
                    expect: .nonEmpty, failure: "The dashboard is not green.")))
            ]),
          Step(
            id: "record", title: "Record the greeting",
            actions: [.shell(ShellCommand(#"tool record "${TARGET}""#))]),
        ]),
      Section(
        title: "Wait and check",
        steps: [
          Step(
            id: "wait-ready", title: "Wait for the target",
            actions: [
              .wait(
                WaitCondition(
                  "the target to be ready", until: #"tool ready "${TARGET}""#, every: 1,
                  timeout: "${WAIT_TIMEOUT}"))
            ]),
          Step(
            id: "check-status", title: "Check the status",
            actions: [
              .check(
                OutputCheck(
                  "the status", command: #"tool status "${TARGET}""#, expect: .equals("ready"),
                  failure: "The target is not ready."))
            ]),
          Step(
            id: "choose-admin", title: "Choose the admin",
            actions: [.choose(Choice("the admin", into: "ADMIN", from: "tool admins"))]),
        ]),
    ])

  static let apply = Phase(
    id: "apply", title: "Apply", runsOn: "a workstation",
    sections: [
      Section(
        title: "Apply",
        steps: [
          Step(
            id: "backup", title: "Back up the target",
            actions: [.shell(ShellCommand(#"tool backup "${TARGET}""#))],
            concurrentGroup: "copies"),
          Step(
            id: "clone", title: "Clone the target",
            actions: [.shell(ShellCommand(#"tool clone "${TARGET}""#))],
            concurrentGroup: "copies"),
          Step(
            id: "wipe", title: "Wipe the target",
            actions: [.shell(ShellCommand(#"tool wipe "${TARGET}""#))],
            destroys: "the data of ${TARGET}"),
          Step(
            id: "notify", title: "Notify the owner",
            actions: [.shell(ShellCommand(#"tool notify "${TARGET}""#))],
            enabledBy: "NOTIFY"),
        ])
    ])

  /// What the stubs answer: the preflight check and the verification want
  /// output, the check wants `ready`, the choice has one candidate.
  static let rules: [(tool: String, glob: String, output: String)] = [
    ("tool", "ping*", "pong"),
    ("tool", "status*", "ready"),
    ("tool", "admins*", "alice"),
  ]

  /// The target every run names; not the plain text, so that only the
  /// field's own text differs between a plain and a hostile run.
  static let target = "the-target"
}
