import Model

extension RunbookTranslator {
  /// The parameters, an item each (name, flag, default, phases, then
  /// what it means), which reads the same on a wide screen and a phone:
  /// ``- **`NAMESPACE`** (`--namespace`, default `mlx`, phase `import`): ...``;
  /// then the assignments that set them in a shell.
  func parameters() -> [MarkdownBlock] {
    var blocks = [heading(2, "Parameters")]
    guard !procedure.parameters.isEmpty else {
      blocks.append(.paragraph([.text("This procedure takes no parameters.")]))
      return blocks
    }
    blocks.append(
      .paragraph(
        .prose(
          "The commands below read these as shell variables. To follow the runbook by hand, set them in your shell first; `migrate.sh` takes each as a flag or as an environment variable of the same name."
        )))
    let items = procedure.parameters.map { parameter -> ListItem in
      // A secret's default is never printed, here as in the script.
      let defaultText: [Inline] =
        parameter.defaultValue.map {
          parameter.isSecret
            ? [.text("set, not shown")] : $0.isEmpty ? [.text("empty")] : [.code($0)]
        } ?? [.text("none")]
      var facts: [Inline] = [.text(" ("), .code(parameter.flag), .text(", default ")]
      facts += defaultText
      if parameter.phases.isEmpty {
        facts.append(.text(", all phases"))
      } else {
        facts.append(.text(parameter.phases.count == 1 ? ", phase " : ", phases "))
        facts += codes(parameter.phases)
      }
      facts.append(.text("): "))
      return ListItem(words([.strong([.code(parameter.name)])], facts, meaning(parameter)))
    }
    blocks.append(.list(items))
    let assignments = procedure.parameters.map { parameter -> String in
      if parameter.isSecret, parameter.defaultValue != nil {
        return "\(parameter.name)=  # secret with a default the script uses; not shown here"
      }
      if let value = parameter.defaultValue {
        return "\(parameter.name)=\(defaultAssignment(value))"
      }
      return "\(parameter.name)=  # \(parameter.isRequired ? "required" : "optional"): set it"
    }
    blocks.append(.codeBlock(language: "bash", text: assignments.joined(separator: "\n")))
    return blocks
  }

  private func meaning(_ parameter: Parameter) -> [Inline] {
    var meaning = Inline.prose(parameter.meaning)
    if parameter.isRequired { meaning += [.text(" "), .strong([.text("Required.")])] }
    if parameter.isSecret { meaning.append(.text(" Secret: never printed.")) }
    if parameter.kind == .integer { meaning.append(.text(" A whole number.")) }
    if parameter.kind == .yesNo {
      meaning += [.text(" "), .code("yes"), .text(" or "), .code("no"), .text(".")]
    }
    if !parameter.choices.isEmpty {
      meaning.append(.text(" One of "))
      meaning += codes(parameter.choices)
      meaning.append(.text("."))
    }
    for rule in parameter.rules { meaning.append(.text(" \(rule.sentence)")) }
    return meaning
  }

  private func defaultAssignment(_ value: String) -> String {
    let template = Template(value)
    if template.references.isEmpty
      && value.allSatisfy({ $0.isLetter || $0.isNumber || "-_./:".contains($0) })
    {
      return value
    }
    return template.references.isEmpty
      ? "'\(value.replacingOccurrences(of: "'", with: #"'\''"#))'" : "\"\(value)\""
  }
}
