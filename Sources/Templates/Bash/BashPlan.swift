import Model

extension BashScript {
  /// `plan_ID`: what `--dry-run` prints for a step, with parameter values
  /// expanded (secrets as `***`) and nothing run. For example:
  ///
  ///     kubectl scale statefulset -n "mlx" db --replicas=0
  ///     wait up to 600s, every 5s, for the db-0 pod to stop, until this succeeds:
  ///       pods=$(kubectl get pod db-0 -n "mlx" --ignore-not-found -o name) && ...
  mutating func writePlan(_ step: Step, name: String) {
    var lines: [String] = []
    if let flag = step.enabledBy { lines.append("optional: runs because \(flag) is yes") }
    if let group = step.concurrentGroup {
      lines.append("runs at the same time as the other steps of group \(group)")
    }
    if let destroys = step.destroys {
      lines.append("asks for yes, then destroys \(expanded(destroys))")
    }
    for action in step.actions {
      switch action {
      case .shell(let shell):
        lines.append(expanded(shell.command))
      case .sql(let sql):
        let delimiter = ShellQuoting.delimiter("SQL", avoiding: sql.statements)
        lines.append(expanded(sql.client) + " <<'\(delimiter)'")
        lines.append(ShellQuoting.escapedForHeredoc(sql.statements.trimmingTrailingNewlines))
        lines.append(delimiter)
      case .writeFile(let file):
        lines.append("write \(expanded(file.path)):")
        lines.append(indented(planned(Template(file.content))))
      case .manual(let manual):
        lines.append("manual step: \(ShellQuoting.escapedForHeredoc(manual.instruction))")
        if let verification = manual.verification {
          lines.append(
            "under --yes, checked by this: it \(ShellQuoting.escapedForHeredoc(verification.expectation.phrase)):"
          )
          lines.append(indented(expanded(verification.command)))
        }
      case .wait(let wait):
        lines.append(
          "wait up to \(expanded(wait.timeoutSeconds))s, every \(wait.intervalSeconds)s, for \(ShellQuoting.escapedForHeredoc(wait.description)), until this succeeds:"
        )
        lines.append(indented(expanded(wait.condition)))
      case .check(let check):
        lines.append("check that this \(ShellQuoting.escapedForHeredoc(check.expectation.phrase)):")
        lines.append(indented(expanded(check.command)))
      case .choose(let choice):
        lines.append(
          "choose \(ShellQuoting.escapedForHeredoc(choice.description)) into \(choice.parameter), from the lines this prints:"
        )
        lines.append(indented(expanded(choice.candidates)))
      }
    }
    if let cleanup = step.cleanup {
      let until = cleanup.until.map { "until \($0) completes" } ?? "to the end of the run"
      lines.append("if the run stops early (\(until)), on exit: \(expanded(cleanup.command))")
    }
    if let retry = step.retry {
      lines.append("tried up to \(retry.attempts) times, \(retry.delaySeconds)s apart")
    }
    let body = lines.joined(separator: "\n")
    let delimiter = ShellQuoting.delimiter("PLAN", avoiding: body)
    out.writeLine("plan_\(name)() {")
    out.writeLine("  print_plan <<\(delimiter)")
    out.writeVerbatim(body)
    out.writeVerbatim(delimiter)
    out.writeLine("}")
    out.writeLine()
  }

  /// Shell text for an unquoted here-document: declared parameters expand,
  /// secrets read `***`, everything else is shown as written.
  private func expanded(_ text: String) -> String {
    planned(Template(text))
  }

  private func planned(_ template: Template) -> String {
    ShellQuoting.heredocBody(
      template, expanding: { procedure.parameter(named: $0) != nil },
      replacement: { procedure.parameter(named: $0)?.isSecret == true ? "***" : nil })
  }

  private func indented(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(
      separator: "\n")
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
    }
  }
}
