/// The reviewer's one-minute reading of a `ProcedureDiff`, as plain text
/// (`gen-migration diff` summary) or as a markdown section of a runbook.
public enum DiffSummary {
  public static func text(_ diff: ProcedureDiff) -> String {
    guard !diff.isEmpty else { return "no difference between \(diff.from) and \(diff.to)\n" }
    var out = "\(diff.from) → \(diff.to)\n"
    for line in lines(diff, code: { $0 }) { out += line + "\n" }
    return out
  }

  /// Bullet lines for the runbook's "Changes since VERSION".
  public static func markdown(_ diff: ProcedureDiff) -> [String] {
    guard !diff.isEmpty else { return ["- No change to the steps, parameters or requirements."] }
    return lines(diff) { Markdown.code($0) }.map { line in
      line.hasPrefix("    ") ? "  " + line.dropFirst(2) : "- " + line
    }
  }

  private static func lines(_ diff: ProcedureDiff, code: (String) -> String) -> [String] {
    var lines: [String] = []
    let counts = [
      (diff.addedSteps.count, "added"), (diff.removedSteps.count, "removed"),
      (diff.movedSteps.count, "moved"),
      (diff.changedSteps.count, "changed"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    if !counts.isEmpty { lines.append("steps: " + counts.joined(separator: ", ")) }
    for step in diff.addedSteps {
      lines.append("added step \(code(step.id)) (\(step.phase)): \(step.title)")
    }
    for step in diff.removedSteps {
      lines.append("removed step \(code(step.id)) (\(step.phase)): \(step.title)")
    }
    for step in diff.movedSteps {
      lines.append("moved step \(code(step.id)) (now in \(step.phase)): \(step.title)")
    }
    for step in diff.changedSteps {
      lines.append("changed step \(code(step.id)): \(step.changes.joined(separator: "; "))")
      for line in step.commandDiff { lines.append("    " + line) }
    }
    for name in diff.addedParameters { lines.append("added parameter \(code(name))") }
    for name in diff.removedParameters { lines.append("removed parameter \(code(name))") }
    for change in diff.changedDefaults {
      lines.append(
        "default of \(code(change.name)): \(change.old.map(code) ?? "none") → \(change.new.map(code) ?? "none")"
      )
    }
    for tool in diff.addedTools { lines.append("new tool \(code(tool))") }
    for tool in diff.removedTools { lines.append("tool no longer used: \(code(tool))") }
    for access in diff.addedAccesses { lines.append("new requirement: \(access)") }
    for access in diff.removedAccesses { lines.append("requirement dropped: \(access)") }
    for phase in diff.addedPhases { lines.append("added phase \(code(phase))") }
    for phase in diff.removedPhases { lines.append("removed phase \(code(phase))") }
    return lines
  }
}
