extension Procedure {
  /// The programs the procedure's commands run, sorted: derived from the
  /// model so the runbook's requirements cannot go stale. `sleep` is added
  /// when a step waits or retries, because the script pauses with it, and `cat` when
  /// a step writes a file.
  public var derivedTools: [String] { tools(in: phases) }

  /// The programs one phase's steps and preflight checks run, sorted.
  public func tools(in phases: [Phase]) -> [String] {
    var tools: Set<String> = []
    for phase in phases {
      for check in phase.preflight { tools.formUnion(ShellText(check.command).commands) }
      for step in phase.steps {
        for action in step.actions {
          for text in action.shellTexts { tools.formUnion(ShellText(text).commands) }
          if case .wait = action { tools.insert("sleep") }
          if case .writeFile = action { tools.insert("cat") }
        }
        if step.retry != nil { tools.insert("sleep") }
        if let cleanup = step.cleanup { tools.formUnion(ShellText(cleanup.command).commands) }
      }
    }
    return tools.sorted()
  }
}
