import Model

extension BashTranslator {
  /// `plan_ID`: what `--dry-run` prints for a step, with parameter values
  /// expanded (secrets as `***`) and nothing run: an unquoted here-document
  /// in which only declared parameters expand. For example:
  ///
  ///     kubectl scale statefulset -n "mlx" db --replicas=0
  ///     wait up to 600s, every 5s, for the db-0 pod to stop, until this succeeds:
  ///       pods=$(kubectl get pod db-0 -n "mlx" --ignore-not-found -o name) && ...
  mutating func addPlan(_ step: Step) {
    var plan = Plan(procedure: procedure)
    if let flag = step.enabledBy { plan.line("optional: runs because \(flag) is yes") }
    if let group = step.concurrentGroup {
      plan.line("runs at the same time as the other steps of group \(group)")
    }
    if let destroys = step.destroys {
      plan.line(.text("asks for yes, then destroys "), plan.expanded(destroys))
    }
    for action in step.actions {
      switch action {
      case .shell(let shell):
        plan.line(plan.expanded(shell.command))
      case .sql(let sql):
        let terminator = ShellQuoting.delimiter("SQL", avoiding: sql.statements)
        plan.line(plan.expanded(sql.client), [.text(" <<'\(terminator)'")])
        plan.line(sql.statements.trimmingTrailingNewlines)
        plan.line(terminator)
      case .writeFile(let file):
        plan.line(.text("write "), plan.expanded(file.path), [.text(":")])
        plan.indented(plan.expanded(file.content))
      case .manual(let manual):
        plan.line("manual step: \(manual.instruction)")
        if let verification = manual.verification {
          plan.line("under --yes, checked by this: it \(verification.expectation.phrase):")
          plan.indented(plan.expanded(verification.command))
        }
      case .wait(let wait):
        plan.line(
          .text("wait up to "), plan.expanded(wait.timeoutSeconds),
          [
            .text(
              "s, every \(wait.intervalSeconds)s, for \(wait.description), until this succeeds:")
          ])
        plan.indented(plan.expanded(wait.condition))
      case .check(let check):
        plan.line("check that this \(check.expectation.phrase):")
        plan.indented(plan.expanded(check.command))
      case .choose(let choice):
        plan.line(
          "choose \(choice.description) into \(choice.parameter), from the lines this prints:")
        plan.indented(plan.expanded(choice.candidates))
      }
    }
    if let cleanup = step.cleanup {
      let until = cleanup.until.map { "until \($0) completes" } ?? "to the end of the run"
      plan.line(
        .text("if the run stops early (\(until)), on exit: "), plan.expanded(cleanup.command))
    }
    if let retry = step.retry {
      plan.line("tried up to \(retry.attempts) times, \(retry.delaySeconds)s apart")
    }
    nodes.append(
      .function(
        name: Contract.planFunction(step.id),
        body: [
          .hereDocument(
            command: [.code(Contract.printPlan)], body: plan.parts, quoted: false, base: "PLAN")
        ]))
    nodes.append(.blank)
  }
}

/// The lines of a dry-run plan, as here-document parts: text shown exactly,
/// declared parameters expanded, secrets shown as `***`.
struct Plan {
  let procedure: Procedure
  var parts: [HereDocumentPart] = []

  /// Shell text with its declared parameters expanded and secrets masked.
  func expanded(_ text: String) -> [HereDocumentPart] {
    Template(text).segments.map { segment in
      switch segment {
      case .literal(let literal): return .text(literal)
      case .reference(let name):
        guard let parameter = procedure.parameter(named: name) else { return .text("${\(name)}") }
        return parameter.isSecret ? .text("***") : .expanded(name)
      }
    }
  }

  mutating func line(_ text: String) { line([.text(text)]) }

  mutating func line(_ pieces: [HereDocumentPart]...) {
    if !parts.isEmpty { parts.append(.text("\n")) }
    parts += pieces.flatMap { $0 }
  }

  mutating func line(_ first: HereDocumentPart, _ rest: [HereDocumentPart]...) {
    line([first] + rest.flatMap { $0 })
  }

  /// Lines indented by two spaces, as the command under a wait or a check.
  mutating func indented(_ pieces: [HereDocumentPart]) {
    var indentedParts: [HereDocumentPart] = [.text("  ")]
    for piece in pieces {
      guard case .text(let text) = piece else {
        indentedParts.append(piece)
        continue
      }
      indentedParts.append(.text(text.replacingOccurrences(of: "\n", with: "\n  ")))
    }
    line(indentedParts)
  }
}

extension Expectation {
  /// "prints nothing", completing "check that this ...".
  var phrase: String {
    switch self {
    case .empty: "prints nothing"
    case .nonEmpty: "prints something"
    case .equals(let text):
      "prints exactly: \(text.split(separator: "\n").joined(separator: " / "))"
    case .equalsParameter(let name): "prints exactly the value of \(name)"
    case .versionAtLeast(let version): "prints version \(version) or later"
    }
  }
}
