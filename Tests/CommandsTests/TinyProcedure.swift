import Model

/// A one-step procedure for the command tests, `tiny@VERSION`.
enum TinyProcedure {
  static func make(version: String = "1.0", command: String = "echo hello") -> Procedure {
    Procedure(
      id: "tiny", title: "Tiny", version: Version(stringLiteral: version), summary: "One step.",
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here",
          sections: [
            Section(
              title: "S",
              steps: [
                Step(id: "hello", title: "Say hello", actions: [.shell(ShellCommand(command))])
              ]
            )
          ])
      ])
  }
}
