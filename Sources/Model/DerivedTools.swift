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
      tools.formUnion(phase.preflightTools)
      for step in phase.steps {
        tools.formUnion(step.actionTools)
        tools.formUnion(step.cleanupTools)
      }
    }
    return tools.sorted()
  }
}

extension Phase {
  /// The programs the phase's preflight checks run: needed whenever the
  /// phase is selected, whichever of its steps run.
  public var preflightTools: Set<String> {
    Set(preflight.flatMap { ShellText($0.command).commands })
  }
}

extension Step {
  /// The programs the step's actions run, with `sleep` when it waits or
  /// retries and `cat` when it writes a file; needed only when the step runs.
  public var actionTools: Set<String> {
    var tools: Set<String> = []
    for action in actions {
      for text in action.shellTexts { tools.formUnion(ShellText(text).commands) }
      if case .wait = action { tools.insert("sleep") }
      if case .writeFile = action { tools.insert("cat") }
    }
    if retry != nil { tools.insert("sleep") }
    return tools
  }

  /// The programs the step's cleanup runs. A resumed run takes over the
  /// cleanups of steps an earlier run completed, selected now or not.
  public var cleanupTools: Set<String> {
    cleanup.map { Set(ShellText($0.command).commands) } ?? []
  }
}
