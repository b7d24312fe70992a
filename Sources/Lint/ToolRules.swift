import Model

/// The programs a procedure's steps run, derived from its commands, against
/// the tools its requirements declare: a tool run but not declared is an
/// error (an operator preparing from the runbook would lack it), a tool
/// declared but never run is a warning. A procedure that declares no tools
/// relies on the derived list alone. The tools the script's runtime runs on
/// the author's behalf (`sleep` between a wait's tries and a retry's, `cat`
/// to write a file) are in the runbook's list but not demanded of the
/// author: declaring them is neither required nor unused.
enum ToolRules {
  static func check(_ procedure: Procedure) -> [Diagnostic] {
    let declared = Set(procedure.requirements.tools)
    guard !declared.isEmpty else { return [] }
    let authored = authoredTools(procedure)
    let derived = Set(procedure.derivedTools)
    var found: [Diagnostic] = []
    for tool in authored.sorted() where !declared.contains(tool) {
      found.append(
        Diagnostic(
          .error, rule: "undeclared-tool", procedure: procedure.reference,
          step: firstStep(running: tool, in: procedure),
          "runs `\(tool)`, which the requirements do not declare; add it to requirements.tools"))
    }
    for tool in procedure.requirements.tools where !derived.contains(tool) {
      found.append(
        Diagnostic(
          .warning, rule: "unused-tool", procedure: procedure.reference, step: nil,
          "the requirements declare `\(tool)`, which no step runs; remove it"))
    }
    return found
  }

  /// The programs the procedure's own shell text runs: its preflight checks,
  /// actions and cleanups, without what the runtime adds.
  static func authoredTools(_ procedure: Procedure) -> Set<String> {
    var tools: Set<String> = []
    for phase in procedure.phases {
      tools.formUnion(phase.preflightTools)
      for step in phase.steps {
        for text in step.actions.flatMap(\.shellTexts) {
          tools.formUnion(ShellText(text).commands)
        }
        tools.formUnion(step.cleanupTools)
      }
    }
    return tools
  }

  static func firstStep(running tool: String, in procedure: Procedure) -> String? {
    procedure.orderedSteps.first { entry in
      entry.step.actions.flatMap(\.shellTexts).contains { ShellText($0).commands.contains(tool) }
        || (entry.step.cleanup.map { ShellText($0.command).commands.contains(tool) } ?? false)
    }?.step.id
  }
}
