import Model

extension BashTranslator {
  /// One step: its function (`step_save_site_config`), the functions its
  /// waits, checks and choices call (`step_save_site_config__action_2`), its
  /// dry-run plan (`plan_save_site_config`) and its cleanup.
  mutating func addStep(_ step: Step, number: Int, phase: Phase) {
    let rule = String(repeating: "-", count: 75)
    nodes.append(.comment(rule))
    nodes.append(.comment("Step \(number) (\(phase.id)): \(step.title)"))
    nodes.append(.comment(rule))
    var body: [ScriptNode] = []
    if let destroys = step.destroys {
      body.append(
        .statement([.code(Contract.confirmDestructive), .template(Template(destroys))]))
    }
    if let exec = execForm(of: step) {
      body.append(.comment("One command: the child the step runs in becomes the program (exec)."))
      body.append(.userShell(exec))
    } else {
      for (index, action) in step.actions.enumerated() {
        body.append(
          actionNode(action, helper: Contract.actionFunction(step.id, index: index + 1)))
      }
    }
    nodes.append(.function(name: Contract.stepFunction(step.id), body: body))
    nodes.append(.blank)
    for (index, action) in step.actions.enumerated() {
      addHelperFunction(for: action, named: Contract.actionFunction(step.id, index: index + 1))
    }
    addPlan(step)
    if let cleanup = step.cleanup {
      nodes.append(
        .function(name: Contract.cleanupFunction(step.id), body: [.userShell(cleanup.command)]))
      nodes.append(.blank)
    }
  }

  /// What an action adds to its step's function.
  private func actionNode(_ action: Action, helper: String) -> ScriptNode {
    switch action {
    case .shell(let shell):
      return .userShell(shell.command)
    case .sql(let sql):
      // The client is shell text the procedure declares; the statements are
      // data, fed through a quoted here-document.
      return .hereDocument(
        command: [.code(sql.client)], body: [.text(sql.statements)], quoted: true, base: "SQL")
    case .writeFile(let file):
      return .hereDocument(
        command: [.code("cat"), .code(">" + BashRenderer.spell(.template(Template(file.path))))],
        body: fileBody(file), quoted: false, base: "EOF")
    case .manual(let manual):
      var words: [ShellWord] = [.code(Contract.manualStep), .literal(manual.instruction)]
      if manual.verification != nil { words.append(.code(helper)) }
      return .statement(words)
    case .wait(let wait):
      let timeout: ShellWord =
        Int(wait.timeoutSeconds) != nil
        ? .code(wait.timeoutSeconds) : .template(Template(wait.timeoutSeconds))
      return .statement([
        .code(Contract.waitUntil), .literal(wait.description), timeout,
        .code(String(wait.intervalSeconds)), .code(helper),
      ])
    case .check:
      return .statement([.code(helper)])
    case .choose(let choice):
      let flag = procedure.parameter(named: choice.parameter)?.flag ?? choice.parameter
      return .statement([
        .code(Contract.chooseOne), .literal(choice.parameter), .literal(flag),
        .literal(choice.description), .code(helper),
      ])
    }
  }

  /// Waits, checks, verifications and choices run their command in a
  /// function of their own, so the runtime can call it, capture it or poll it.
  private mutating func addHelperFunction(for action: Action, named name: String) {
    switch action {
    case .wait(let wait):
      nodes.append(.function(name: name, body: [.userShell(wait.condition)]))
      nodes.append(.blank)
    case .check(let check):
      addCheckFunction(name, check)
    case .manual(let manual):
      if let verification = manual.verification { addCheckFunction(name, verification) }
    case .choose(let choice):
      nodes.append(.function(name: name, body: [.userShell(choice.candidates)]))
      nodes.append(.blank)
    case .shell, .sql, .writeFile:
      break
    }
  }

  /// The here-document body that writes the file: `${PARAMETER}` expanded,
  /// everything else literal.
  func fileBody(_ file: FileWrite) -> [HereDocumentPart] {
    Template(file.content).segments.map { segment in
      switch segment {
      case .literal(let text): .text(text)
      case .reference(let name):
        procedure.parameter(named: name) != nil ? .expanded(name) : .text("${\(name)}")
      }
    }
  }
}
