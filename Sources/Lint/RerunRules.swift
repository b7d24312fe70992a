import Model

/// Re-run hazards lint can see: a step that adds rows (`COPY ... FROM`,
/// `INSERT INTO`) and then goes on to other commands. If a later command
/// fails, or the add's own response is lost, the step fails after the rows
/// were added, and `--resume` runs it again: the rows are added twice, or a
/// unique key stops every resume. Such a step should first check whether its
/// rows are already there (the add inside an `if`), add them with
/// `ON CONFLICT` / `WHERE NOT EXISTS`, empty the table first in the same
/// step, or make the add its last command.
enum RerunRules {
  static func check(_ procedure: Procedure) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for (_, step) in procedure.orderedSteps {
      let lines = step.actions.flatMap(Self.lines)
      for (index, line) in lines.enumerated() where Self.adds(line.text) && !line.guarded {
        // Emptied first in the same step (TRUNCATE, DELETE FROM): a re-run
        // replaces the rows rather than adding them again.
        if lines[..<index].contains(where: { Self.empties($0.text) }) { continue }
        let rest = lines[(index + 1)...].filter { !$0.text.allSatisfy(\.isWhitespace) }
        guard !rest.isEmpty else { continue }
        found.append(
          Diagnostic(
            .warning, rule: "rerun-hazard", procedure: procedure.reference, step: step.id,
            "adds rows (\(line.text.trimmed.prefix(60))) and then runs more commands; if one of them fails, --resume adds the rows again. Check first whether they are there (an if around the add), use ON CONFLICT or WHERE NOT EXISTS, or make the add the step's last command"
          ))
      }
    }
    return found
  }

  /// A line of a step's commands or SQL, and whether it stands inside an
  /// `if` (or SQL that guards itself).
  struct Line {
    var text: String
    var guarded: Bool
  }

  static func lines(of action: Action) -> [Line] {
    switch action {
    case .sql(let sql):
      let code = SQLText.code(sql.statements)
      let guarded =
        code.uppercased().contains("ON CONFLICT") || code.uppercased().contains("NOT EXISTS")
      return code.split(separator: "\n").map { Line(text: String($0), guarded: guarded) }
    case .shell, .wait, .check, .choose, .manual, .writeFile:
      var depth = 0
      var lines: [Line] = []
      for text in action.shellTexts {
        for line in text.split(separator: "\n") {
          let words = line.split(whereSeparator: { $0 == " " || $0 == ";" })
          if words.first == "if" { depth += 1 }
          lines.append(Line(text: String(line), guarded: depth > 0))
          if words.contains("fi") { depth = max(0, depth - 1) }
        }
      }
      return lines
    }
  }

  static func empties(_ text: String) -> Bool {
    let upper = text.uppercased()
    return upper.contains("TRUNCATE") || upper.contains("DELETE FROM")
  }

  /// `COPY users(...) FROM ...` or `INSERT INTO`, in any case.
  static func adds(_ text: String) -> Bool {
    let upper = text.uppercased()
    if upper.contains("INSERT INTO") { return true }
    guard let copy = upper.range(of: "COPY ") else { return false }
    let after = upper[copy.upperBound...]
    return after.contains(" FROM ") && !after.hasPrefix("(")
  }
}

extension String {
  fileprivate var trimmed: String {
    var text = Substring(self)
    while text.first == " " { text.removeFirst() }
    return String(text)
  }
}
