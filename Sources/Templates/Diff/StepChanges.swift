import Model

/// How one step differs between two versions, in words a reviewer reads.
enum StepChanges {
  static func describe(_ old: Step, _ new: Step) -> [String] {
    var changes: [String] = []
    if old.title != new.title { changes.append("title: \"\(old.title)\" → \"\(new.title)\"") }
    if old.destroys != new.destroys {
      changes.append(
        "destructive: \(old.destroys.map { "yes (\($0))" } ?? "no") → \(new.destroys.map { "yes (\($0))" } ?? "no")"
      )
    }
    if old.explanation != new.explanation { changes.append("explanation changed") }
    let oldWaits = waits(old)
    let newWaits = waits(new)
    if oldWaits != newWaits {
      changes.append(
        "waits: \(oldWaits.isEmpty ? "none" : oldWaits.joined(separator: "; ")) → \(newWaits.isEmpty ? "none" : newWaits.joined(separator: "; "))"
      )
    }
    if old.enabledBy != new.enabledBy {
      changes.append("optional: \(old.enabledBy ?? "no") → \(new.enabledBy ?? "no")")
    }
    if old.retry != new.retry {
      changes.append(
        "retries: \(old.retry.map { "\($0.attempts)×" } ?? "none") → \(new.retry.map { "\($0.attempts)×" } ?? "none")"
      )
    }
    if old.cleanup != new.cleanup { changes.append("cleanup changed") }
    let oldKinds = old.actions.filter {
      $0.kind == .manual || $0.kind == .check || $0.kind == .choose
    }
    let newKinds = new.actions.filter {
      $0.kind == .manual || $0.kind == .check || $0.kind == .choose
    }
    if oldKinds != newKinds { changes.append("manual steps, checks or choices changed") }
    return changes
  }

  /// `-`/`+` lines of the step's commands, SQL, files and wait conditions.
  static func commandDiff(_ old: Step, _ new: Step) -> [String] {
    let before = commandLines(old)
    let after = commandLines(new)
    guard before != after else { return [] }
    return LineDiff.editScript(from: before, to: after).filter { $0.mark != " " }.map {
      "\($0.mark) \($0.text)"
    }
  }

  static func commandLines(_ step: Step) -> [String] {
    step.actions.flatMap { action -> [String] in
      switch action {
      case .shell(let shell): return lines(shell.command)
      case .sql(let sql): return lines(sql.client) + lines(sql.statements).map { "  " + $0 }
      case .writeFile(let file):
        return ["write \(file.path):"] + lines(file.content).map { "  " + $0 }
      case .wait(let wait): return ["until: " + wait.condition]
      case .check(let check): return ["check: " + check.command]
      case .choose(let choice): return ["choose from: " + choice.candidates]
      case .manual: return []
      }
    }
  }

  static func waits(_ step: Step) -> [String] {
    step.actions.compactMap { action in
      if case .wait(let wait) = action {
        return "\(wait.description) (every \(wait.intervalSeconds)s, up to \(wait.timeoutSeconds)s)"
      }
      return nil
    }
  }

  private static func lines(_ text: String) -> [String] {
    LineDiff.lines(of: text)
  }
}
