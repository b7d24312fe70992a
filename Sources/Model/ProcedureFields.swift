extension Procedure {
  /// Every text field of the procedure, named as a message would name it,
  /// with whether it may hold line breaks. Identifiers, titles, names,
  /// choices and group names are single lines; prose and code may break.
  var fields: [Field] {
    var list: [Field] = []
    func one(_ name: String, _ text: String?, _ step: String? = nil) {
      if let text { list.append(Field(name: name, text: text, shape: .singleLine, step: step)) }
    }
    func many(_ name: String, _ text: String?, _ step: String? = nil) {
      if let text { list.append(Field(name: name, text: text, shape: .multiLine, step: step)) }
    }
    one("the procedure id", id)
    one("the procedure title", title)
    one("the procedure version", version.description)
    many("the procedure summary", summary)
    one("the source", source)
    one("the state directory", stateDirectory)
    for tool in requirements.tools { one("required tool '\(tool)'", tool) }
    for (index, access) in requirements.accesses.enumerated() {
      many("required access \(index + 1)", access)
    }
    for (index, limitation) in limitations.enumerated() {
      many("limitation \(index + 1)", limitation)
    }
    for (index, admonition) in admonitions.enumerated() {
      many("procedure admonition \(index + 1)", admonition.text)
    }
    for parameter in parameters {
      let name = "parameter \(parameter.name)"
      one("the name of \(name)", parameter.name)
      many("the meaning of \(name)", parameter.meaning)
      one("the default of \(name)", parameter.defaultValue)
      for (index, choice) in parameter.choices.enumerated() {
        one("choice \(index + 1) of \(name)", choice)
      }
    }
    for (index, correction) in corrections.enumerated() {
      let name = "correction \(index + 1)"
      one("the title of \(name)", correction.title)
      many("the source text of \(name)", correction.source)
      many("the problem of \(name)", correction.problem)
      many("the fix of \(name)", correction.fix)
      for step in correction.steps { one("a step named by \(name)", step) }
      for (line, change) in correction.changes.enumerated() {
        many("source line \(line + 1) changed by \(name)", change.snippet)
      }
    }
    for (index, omission) in omissions.enumerated() {
      many("the source line of omission \(index + 1)", omission.line.snippet)
      many("the reason of omission \(index + 1)", omission.reason)
    }
    for phase in phases {
      let name = "phase \(phase.id)"
      one("the id of \(name)", phase.id)
      one("the title of \(name)", phase.title)
      one("where \(name) runs", phase.runsOn)
      many("the summary of \(name)", phase.summary)
      for (index, check) in phase.preflight.enumerated() {
        list += check.fields("preflight check \(index + 1) of \(name)", step: nil)
      }
      for section in phase.sections {
        one("a section title of \(name)", section.title)
        many("the explanation of section '\(section.title)'", section.explanation)
        for (index, admonition) in section.admonitions.enumerated() {
          many("admonition \(index + 1) of section '\(section.title)'", admonition.text)
        }
        for step in section.steps { list += step.fields }
      }
    }
    return list
  }
}

extension Step {
  var fields: [Procedure.Field] {
    var list: [Procedure.Field] = []
    func one(_ name: String, _ text: String?) {
      if let text { list.append(.init(name: name, text: text, shape: .singleLine, step: id)) }
    }
    func many(_ name: String, _ text: String?) {
      if let text { list.append(.init(name: name, text: text, shape: .multiLine, step: id)) }
    }
    one("the step id", id)
    one("the step title", title)
    many("the step explanation", explanation)
    one("what the step destroys", destroys)
    one("the parameter that enables the step", enabledBy)
    one("the concurrent group", concurrentGroup)
    many("the cleanup command", cleanup?.command)
    for (index, source) in sources.enumerated() {
      many("source reference \(index + 1) of the step", source.snippet)
    }
    one("the step that ends the cleanup", cleanup?.until)
    for (index, admonition) in admonitions.enumerated() {
      many("admonition \(index + 1) of the step", admonition.text)
    }
    for (index, action) in actions.enumerated() {
      let name = "action \(index + 1) (\(action.kind.rawValue))"
      switch action {
      case .shell(let shell): many("the command of \(name)", shell.command)
      case .sql(let sql):
        many("the SQL client of \(name)", sql.client)
        many("the SQL of \(name)", sql.statements)
      case .writeFile(let file):
        one("the path of \(name)", file.path)
        one("the language of \(name)", file.language)
        many("the content of \(name)", file.content)
      case .manual(let manual):
        many("the instruction of \(name)", manual.instruction)
        if let verification = manual.verification {
          list += verification.fields("the verification of \(name)", step: id)
        }
      case .wait(let wait):
        one("the description of \(name)", wait.description)
        many("the condition of \(name)", wait.condition)
        one("the timeout of \(name)", wait.timeoutSeconds)
      case .check(let check): list += check.fields(name, step: id)
      case .choose(let choice):
        one("the description of \(name)", choice.description)
        one("the parameter of \(name)", choice.parameter)
        many("the candidates command of \(name)", choice.candidates)
      }
    }
    return list
  }
}

extension OutputCheck {
  func fields(_ name: String, step: String?) -> [Procedure.Field] {
    var list: [Procedure.Field] = [
      .init(name: "the description of \(name)", text: description, shape: .singleLine, step: step),
      .init(name: "the command of \(name)", text: command, shape: .multiLine, step: step),
      .init(name: "the failure message of \(name)", text: failure, shape: .multiLine, step: step),
    ]
    switch expectation {
    case .equals(let text):
      list.append(
        .init(name: "the expected output of \(name)", text: text, shape: .multiLine, step: step))
    case .equalsParameter(let parameter):
      list.append(
        .init(
          name: "the parameter compared by \(name)", text: parameter, shape: .singleLine, step: step
        ))
    case .versionAtLeast(let version):
      list.append(
        .init(
          name: "the minimum version of \(name)", text: version, shape: .singleLine, step: step))
    case .empty, .nonEmpty: break
    }
    return list
  }
}
