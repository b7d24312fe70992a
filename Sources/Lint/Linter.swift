import Model

/// `gen-migration lint`: every rule over a procedure, as diagnostics with a
/// severity, a rule name, the step and what to do. Structural rules come from
/// the model's own validation; the rules here read the commands and SQL.
public struct Linter: Sendable {
  let syntax: any ShellSyntaxChecker

  public init(syntax: any ShellSyntaxChecker) { self.syntax = syntax }

  public func lint(_ procedure: Procedure) -> [Diagnostic] {
    var found = procedure.validate()
    found += shellSyntax(procedure)
    found += ToolRules.check(procedure)
    found += SQLRules.check(procedure)
    found += RerunRules.check(procedure)
    found += StructureRules.check(procedure)
    found += PinRules.check(procedure)
    found += PsqlVariableRules.check(procedure)
    found += SecretArgumentRules.check(procedure)
    return found.stableByStepOrder(in: procedure)
  }

  /// Every piece of shell text, checked by bash in one go.
  func shellSyntax(_ procedure: Procedure) -> [Diagnostic] {
    var snippets: [(step: String?, text: String)] = []
    for phase in procedure.phases {
      for check in phase.preflight { snippets.append((nil, check.command)) }
      for step in phase.steps {
        for action in step.actions {
          for text in action.shellTexts { snippets.append((step.id, text)) }
        }
        if let cleanup = step.cleanup { snippets.append((step.id, cleanup.command)) }
      }
    }
    let results = syntax.check(snippets.map(\.text))
    return zip(snippets, results).compactMap { snippet, message in
      message.map {
        Diagnostic(
          .error, rule: "shell-syntax", procedure: procedure.reference, step: snippet.step,
          "bash cannot parse a command: \($0); fix the command (it starts: \(snippet.text.firstLine))"
        )
      }
    }
  }
}

extension String {
  var firstLine: String {
    let line = split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    return line.count > 60 ? String(line.prefix(60)) + "…" : line
  }
}

extension Array where Element == Diagnostic {
  /// Orders findings as the procedure reads: procedure-level first, then by
  /// step, errors before warnings within a step, otherwise as found.
  func stableByStepOrder(in procedure: Procedure) -> [Diagnostic] {
    var order: [String: Int] = [:]
    for (index, entry) in procedure.orderedSteps.enumerated() where order[entry.step.id] == nil {
      order[entry.step.id] = index
    }
    return enumerated().sorted { left, right in
      let leftStep = left.element.step.flatMap { order[$0] } ?? -1
      let rightStep = right.element.step.flatMap { order[$0] } ?? -1
      if leftStep != rightStep { return leftStep < rightStep }
      if left.element.severity != right.element.severity {
        return left.element.severity > right.element.severity
      }
      return left.offset < right.offset
    }.map(\.element)
  }
}
