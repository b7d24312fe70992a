/// The reviewer's one-minute reading of a `ProcedureDiff`, as plain text
/// (`gen-migration diff` summary) or as a markdown section of a runbook.
public enum DiffSummary {
  public static func text(_ diff: ProcedureDiff) -> String {
    guard !diff.isEmpty else { return "no difference between \(diff.from) and \(diff.to)\n" }
    var out = "\(diff.from) → \(diff.to)\n"
    for line in lines(diff) {
      switch line {
      case .sentence(let pieces):
        out += pieces.map { piece in
          switch piece {
          case .words(let text), .code(let text): text
          }
        }.joined()
      case .command(let text): out += "    " + text
      }
      out += "\n"
    }
    return out
  }

  /// The list of the runbook's "Changes since VERSION": an item per line of
  /// the summary (`- added step `d` (main): d`), and under a changed step
  /// its command lines in a `diff` block. Titles and requirements are model
  /// prose (`Inline.prose`); the renderer escapes them.
  public static func markdown(_ diff: ProcedureDiff) -> MarkdownBlock {
    guard !diff.isEmpty else {
      return .list([ListItem([.text("No change to the steps, parameters or requirements.")])])
    }
    var items: [ListItem] = []
    var commands: [String] = []
    func flush() {
      guard !commands.isEmpty, let last = items.indices.last else { return }
      items[last].blocks.append(
        .codeBlock(language: "diff", text: commands.joined(separator: "\n")))
      commands = []
    }
    for line in lines(diff) {
      switch line {
      case .sentence(let pieces):
        flush()
        items.append(
          ListItem(
            pieces.flatMap { piece -> [Inline] in
              switch piece {
              case .words(let text): Inline.prose(text)
              case .code(let text): [.code(text)]
              }
            }))
      case .command(let text): commands.append(text)
      }
    }
    flush()
    return .list(items)
  }

  /// A line of the summary: words and code, or one `-`/`+` line of a
  /// changed step's commands.
  private enum Line {
    case sentence([Piece])
    case command(String)
  }

  private enum Piece {
    case words(String)
    case code(String)
  }

  private static func lines(_ diff: ProcedureDiff) -> [Line] {
    var lines: [Line] = []
    func say(_ pieces: Piece...) { lines.append(.sentence(pieces)) }
    let tally: [(Int, String)] = [
      (diff.addedSteps.count, "added"), (diff.removedSteps.count, "removed"),
      (diff.movedSteps.count, "moved"), (diff.changedSteps.count, "changed"),
    ]
    let counts = tally.filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    if !counts.isEmpty { say(.words("steps: " + counts.joined(separator: ", "))) }
    for step in diff.addedSteps {
      say(.words("added step "), .code(step.id), .words(" (\(step.phase)): \(step.title)"))
    }
    for step in diff.removedSteps {
      say(.words("removed step "), .code(step.id), .words(" (\(step.phase)): \(step.title)"))
    }
    for step in diff.movedSteps {
      say(.words("moved step "), .code(step.id), .words(" (now in \(step.phase)): \(step.title)"))
    }
    for step in diff.changedSteps {
      say(
        .words("changed step "), .code(step.id), .words(": " + step.changes.joined(separator: "; "))
      )
      lines += step.commandDiff.map(Line.command)
    }
    for name in diff.addedParameters { say(.words("added parameter "), .code(name)) }
    for name in diff.removedParameters { say(.words("removed parameter "), .code(name)) }
    for change in diff.changedDefaults {
      say(
        .words("default of "), .code(change.name), .words(": "),
        change.old.map(Piece.code) ?? .words("none"), .words(" → "),
        change.new.map(Piece.code) ?? .words("none"))
    }
    for tool in diff.addedTools { say(.words("new tool "), .code(tool)) }
    for tool in diff.removedTools { say(.words("tool no longer used: "), .code(tool)) }
    for access in diff.addedAccesses { say(.words("new requirement: " + access)) }
    for access in diff.removedAccesses { say(.words("requirement dropped: " + access)) }
    for phase in diff.addedPhases { say(.words("added phase "), .code(phase)) }
    for phase in diff.removedPhases { say(.words("removed phase "), .code(phase)) }
    return lines
  }
}
