/// Checks of the text a procedure holds, field by field: what no renderer
/// could show faithfully (control characters), what the script would read
/// wrongly (an id made of digits is a step number; a parameter named like a
/// runtime variable is overwritten), and commands that cannot be a function
/// body (empty, or ending in a line continuation).
extension Procedure {
  /// A field's text and how it may be laid out.
  struct Field {
    enum Shape { case singleLine, multiLine }
    /// Where it is, as the message names it: `the title`, `choice 2 of NAMESPACE`.
    var name: String
    var text: String
    var shape: Shape
    /// The step it belongs to, if any.
    var step: String?
  }

  func textDiagnostics() -> [Diagnostic] {
    var found: [Diagnostic] = []
    func report(_ rule: String, _ step: String?, _ message: String) {
      found.append(Diagnostic(.error, rule: rule, procedure: reference, step: step, message))
    }
    for field in fields {
      if let problem = Self.controlCharacter(in: field.text, shape: field.shape) {
        report(
          "control-character", field.step,
          "\(field.name) holds \(problem); \(field.shape == .singleLine ? "it must be one line of printable text" : "only newlines and tabs may break its text")"
        )
      }
    }
    for (phase, step) in orderedSteps {
      _ = phase
      if !step.id.isEmpty && step.id.allSatisfy({ $0.isASCII && $0.isNumber }) {
        report(
          "numeric-id", step.id,
          "step id '\(step.id)' is made only of digits, which --from, --only and --skip read as a step number; give it a name"
        )
      }
      for (field, command) in commands(of: step) {
        if command.allSatisfy(\.isWhitespace) {
          report("empty-command", step.id, "\(field) is empty; give it a command or remove it")
        } else if Self.endsInContinuation(command) {
          report(
            "line-continuation", step.id,
            "\(field) ends in a line continuation (\\), which would join the next line of the script to it; remove the trailing backslash"
          )
        }
      }
    }
    for phase in phases where !phase.id.isEmpty && phase.id.allSatisfy(\.isNumber) {
      report("numeric-id", nil, "phase id '\(phase.id)' is made only of digits; give it a name")
    }
    for parameter in parameters where Self.isReserved(parameter.name) {
      report(
        "reserved-name", nil,
        "parameter \(parameter.name) has the name of a variable the script or bash uses itself; rename it (for example \(id.uppercased().replacingOccurrences(of: "-", with: "_"))_\(parameter.name))"
      )
    }
    return found
  }

  /// The shell texts of a step that become code, named for messages.
  private func commands(of step: Step) -> [(String, String)] {
    var list: [(String, String)] = []
    for (index, action) in step.actions.enumerated() {
      let name = "action \(index + 1) (\(action.kind.rawValue))"
      switch action {
      case .shell(let shell): list.append(("the command of \(name)", shell.command))
      case .sql(let sql):
        list.append(("the SQL client of \(name)", sql.client))
        if sql.statements.allSatisfy(\.isWhitespace) {
          list.append(("the SQL of \(name)", sql.statements))
        }
      case .wait(let wait): list.append(("the condition of \(name)", wait.condition))
      case .check(let check): list.append(("the command of \(name)", check.command))
      case .choose(let choice):
        list.append(("the candidates command of \(name)", choice.candidates))
      case .manual(let manual):
        if let verification = manual.verification {
          list.append(("the verification of \(name)", verification.command))
        }
      case .writeFile: break
      }
    }
    if let cleanup = step.cleanup { list.append(("the cleanup command", cleanup.command)) }
    return list
  }

  static func endsInContinuation(_ command: String) -> Bool {
    var trimmed = Substring(command)
    while let last = trimmed.last, last == "\n" || last == " " || last == "\t" {
      trimmed.removeLast()
    }
    var backslashes = 0
    while trimmed.hasSuffix("\\") {
      backslashes += 1
      trimmed.removeLast()
    }
    return backslashes % 2 == 1
  }

  /// `the control character U+001B at line 2, column 5`, or nil.
  static func controlCharacter(in text: String, shape: Field.Shape) -> String? {
    var line = 1
    var column = 0
    for scalar in text.unicodeScalars {
      column += 1
      let value = scalar.value
      if scalar == "\n" && shape == .multiLine {
        line += 1
        column = 0
        continue
      }
      if scalar == "\t" && shape == .multiLine { continue }
      if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) {
        let hex = String(value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let name = scalar == "\n" ? "a line break (\(code))" : "the control character \(code)"
        return shape == .multiLine ? "\(name) at line \(line), column \(column)" : "\(name)"
      }
    }
    return nil
  }
}
