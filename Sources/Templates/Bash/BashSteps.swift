import Model

extension BashScript {
  /// One step: its function (`step_save_site_config`), the small functions
  /// its waits, checks and choices call, its dry-run plan
  /// (`plan_save_site_config`) and its cleanup.
  mutating func writeStep(_ step: Step, number: Int, phase: Phase) {
    let name = ShellQuoting.identifier(step.id)
    out.writeLine("# " + String(repeating: "-", count: 75))
    out.writeLine("# Step \(number) (\(phase.id)): \(step.title)")
    out.writeLine("# " + String(repeating: "-", count: 75))
    out.writeLine("step_\(name)() {")
    out.withIndent { out in
      if let destroys = step.destroys {
        out.writeLine("confirm_destructive \(ShellQuoting.doubleQuoted(Template(destroys)))")
      }
    }
    for (index, action) in step.actions.enumerated() {
      writeAction(action, helper: "step_\(name)_\(index + 1)")
    }
    out.writeLine("}")
    out.writeLine()
    for (index, action) in step.actions.enumerated() {
      writeHelperFunction(for: action, named: "step_\(name)_\(index + 1)")
    }
    writePlan(step, name: name)
    if let cleanup = step.cleanup {
      out.writeLine("cleanup_\(name)() {")
      out.withIndent { out in out.writeLine(cleanup.command) }
      out.writeLine("}")
      out.writeLine()
    }
  }

  /// The lines an action adds to its step's function.
  private mutating func writeAction(_ action: Action, helper: String) {
    out.indent()
    defer { out.dedent() }
    do {
      switch action {
      case .shell(let shell):
        out.writeLine(shell.command)
      case .sql(let sql):
        let delimiter = ShellQuoting.delimiter("SQL", avoiding: sql.statements)
        out.writeLine("\(sql.client) <<'\(delimiter)'")
        out.writeVerbatim(sql.statements)
        out.writeVerbatim(delimiter)
      case .writeFile(let file):
        let body = fileBody(file)
        let delimiter = ShellQuoting.delimiter("EOF", avoiding: body)
        out.writeLine("cat >\(ShellQuoting.doubleQuoted(Template(file.path))) <<\(delimiter)")
        out.writeVerbatim(body)
        out.writeVerbatim(delimiter)
      case .manual(let manual):
        let verify = manual.verification == nil ? "" : " \(helper)"
        out.writeLine("manual_step \(ShellQuoting.quoted(manual.instruction))\(verify)")
      case .wait(let wait):
        let timeout =
          Int(wait.timeoutSeconds) != nil ? wait.timeoutSeconds : "\"\(wait.timeoutSeconds)\""
        out.writeLine(
          "wait_until \(ShellQuoting.quoted(wait.description)) \(timeout) \(wait.intervalSeconds) \(helper)"
        )
      case .check:
        out.writeLine(helper)
      case .choose(let choice):
        let flag = procedure.parameter(named: choice.parameter)?.flag ?? choice.parameter
        out.writeLine(
          "choose_one \(choice.parameter) \(flag) \(ShellQuoting.quoted(choice.description)) \(helper)"
        )
      }
    }
  }

  /// Waits, checks, verifications and choices run their command in a function
  /// of their own, so the runtime can call it, capture it or poll it.
  private mutating func writeHelperFunction(for action: Action, named name: String) {
    switch action {
    case .wait(let wait):
      out.writeLine("\(name)() {")
      out.withIndent { out in out.writeLine(wait.condition) }
      out.writeLine("}")
      out.writeLine()
    case .check(let check):
      writeCheckFunction(name, check)
    case .manual(let manual):
      if let verification = manual.verification { writeCheckFunction(name, verification) }
    case .choose(let choice):
      out.writeLine("\(name)() {")
      out.withIndent { out in out.writeLine(choice.candidates) }
      out.writeLine("}")
      out.writeLine()
    case .shell, .sql, .writeFile:
      break
    }
  }

  /// The here-document body that writes the file: `${PARAMETER}` expanded,
  /// everything else literal.
  func fileBody(_ file: FileWrite) -> String {
    ShellQuoting.heredocBody(Template(file.content)) { procedure.parameter(named: $0) != nil }
  }
}
