import Model

extension Procedure {
  /// A procedure that holds every object of the file format and every
  /// variant of those a `kind` picks (actions, expectations, parameter
  /// rules), both forms of a context pin and a wait timeout of each form:
  /// what the format tests decode to see which keys each type accepts. It
  /// need not lint clean; it must decode.
  static let everyVariant = Procedure(
    id: "every", title: "Every", version: "1.0", summary: "Every variant.", source: "the wiki",
    requirements: Requirements(tools: ["kubectl"], accesses: ["the cluster"]),
    parameters: [
      Parameter("A", "A.", default: "a", rules: [.differsFrom("B"), .existingFile]),
      Parameter("B", "B.", kind: .yesNo, rules: [.requiredWhen(parameter: "A", value: "x")]),
      Parameter("T", "Seconds.", default: "60", kind: .integer),
    ],
    admonitions: [.note("Note.")], limitations: ["None."],
    phases: [
      Phase(
        id: "one", title: "One", runsOn: "here",
        preflight: [
          OutputCheck("e", command: "true", expect: .empty, failure: "No."),
          OutputCheck("n", command: "true", expect: .nonEmpty, failure: "No."),
          OutputCheck("v", command: "true", expect: .versionAtLeast("1.2"), failure: "No."),
        ],
        pins: [
          ContextPin("kubectl", option: "--context", parameter: "A"),
          ContextPin("pachctl", environment: "PACH_CONTEXT", parameter: "A"),
        ],
        sections: [Section(title: "S", steps: [])]),
      Phase(
        id: "two", title: "Two", runsOn: "there",
        requires: [PhasePrerequisite("one", sameValues: ["A"])],
        sections: [
          Section(
            title: "S",
            steps: [
              Step(
                id: "all", title: "All",
                actions: [
                  .shell(ShellCommand("true")),
                  .sql(SQLScript(client: "psql", "SELECT 1;")),
                  .writeFile(FileWrite("/tmp/x", language: "yaml", content: "a: 1")),
                  .manual(
                    ManualInstruction(
                      "Look.",
                      verification: OutputCheck(
                        "seen", command: "true", expect: .equals("yes"), failure: "No."))),
                  .wait(WaitCondition("it", until: "true", timeout: "600")),
                  .wait(WaitCondition("it", until: "true", timeout: "${T}")),
                  .check(
                    OutputCheck(
                      "who", command: "whoami", expect: .equalsParameter("A"), failure: "No.")),
                  .choose(Choice("the admin", into: "A", from: "echo root")),
                ], destroys: "it", cleanup: Cleanup("true", until: "all"),
                retry: Retry(attempts: 2, delaySeconds: 1), enabledBy: "B", concurrentGroup: "g",
                sources: ["true"])
            ])
        ]),
    ],
    corrections: [
      Correction("C", source: "s", problem: "p", fix: "f", steps: ["all"], changes: ["true"])
    ],
    omissions: [Omission("watch", reason: "monitoring")], stateDirectory: "/tmp/state")
}
