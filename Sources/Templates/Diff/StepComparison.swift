import Model

/// The changes between two versions of one step (matched by `StepMatching`),
/// named by the new step's id: what it destroys, its commands (as lines),
/// waits, checks, instructions, choices, retries, cleanup, optional and
/// concurrent settings, and its title, explanation, admonitions and sources.
enum StepComparison {
  static func changes(_ old: Step, _ new: Step) -> [ProcedureChange] {
    let id = new.id
    var changes: [ProcedureChange] = []
    if old.destroys != new.destroys {
      changes.append(.destroys(step: id, old: old.destroys, new: new.destroys))
    }
    let (oldCommands, newCommands) = (commandLines(old), commandLines(new))
    if oldCommands != newCommands {
      changes.append(.commands(step: id, old: oldCommands, new: newCommands))
    }
    changes += Pairing.byPosition(waits(old), waits(new)).map {
      .wait(step: id, old: $0.old, new: $0.new)
    }
    changes += Pairing.byPosition(checks(old), checks(new)).map {
      .check(place: .step(id: id), old: $0.old, new: $0.new)
    }
    changes += Pairing.byPosition(instructions(old), instructions(new)).map {
      .instruction(step: id, old: $0.old, new: $0.new)
    }
    changes += Pairing.byPosition(choices(old), choices(new)).map {
      .choice(step: id, old: $0.old, new: $0.new)
    }
    if old.retry != new.retry { changes.append(.retry(step: id, old: old.retry, new: new.retry)) }
    if old.cleanup != new.cleanup {
      changes.append(.cleanup(step: id, old: old.cleanup, new: new.cleanup))
    }
    if old.enabledBy != new.enabledBy {
      changes.append(.optional(step: id, old: old.enabledBy, new: new.enabledBy))
    }
    if old.concurrentGroup != new.concurrentGroup {
      changes.append(.concurrency(step: id, old: old.concurrentGroup, new: new.concurrentGroup))
    }
    if old.title != new.title {
      changes.append(.title(place: .step(id: id), old: old.title, new: new.title))
    }
    if old.explanation != new.explanation {
      changes.append(
        .explanation(place: .step(id: id), old: old.explanation, new: new.explanation))
    }
    changes += Pairing.bySet(old.admonitions, new.admonitions).map {
      .admonition(place: .step(id: id), old: $0.old, new: $0.new)
    }
    let (oldSources, newSources) = (old.sources.map(\.snippet), new.sources.map(\.snippet))
    if oldSources != newSources {
      changes.append(.sources(step: id, old: oldSources, new: newSources))
    }
    return changes
  }

  /// The lines of the step's shell commands, SQL (its client, then the
  /// statements indented) and written files (`write PATH:`, then the
  /// content indented), as a line diff compares them.
  static func commandLines(_ step: Step) -> [String] {
    step.actions.flatMap { action -> [String] in
      switch action {
      case .shell(let shell): return LineDiff.lines(of: shell.command)
      case .sql(let sql):
        return LineDiff.lines(of: sql.client) + LineDiff.lines(of: sql.statements).map { "  " + $0 }
      case .writeFile(let file):
        return ["write \(file.path):"] + LineDiff.lines(of: file.content).map { "  " + $0 }
      case .wait, .check, .choose, .manual: return []
      }
    }
  }

  static func waits(_ step: Step) -> [WaitCondition] {
    step.actions.compactMap { if case .wait(let wait) = $0 { wait } else { nil } }
  }

  /// Check actions and the verifications of manual instructions.
  static func checks(_ step: Step) -> [OutputCheck] {
    step.actions.compactMap { action in
      switch action {
      case .check(let check): check
      case .manual(let manual): manual.verification
      case .shell, .sql, .writeFile, .wait, .choose: nil
      }
    }
  }

  static func instructions(_ step: Step) -> [String] {
    step.actions.compactMap { if case .manual(let manual) = $0 { manual.instruction } else { nil } }
  }

  static func choices(_ step: Step) -> [Choice] {
    step.actions.compactMap { if case .choose(let choice) = $0 { choice } else { nil } }
  }
}
