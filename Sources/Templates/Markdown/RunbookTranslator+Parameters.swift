import Model

extension RunbookTranslator {
  /// The parameters table (name, flag, default, phases, meaning) and the
  /// assignments that set them in a shell.
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
    let header = ["Name", "Flag", "Default", "Phases", "Meaning"].map { [Inline.text($0)] }
    let rows = procedure.parameters.map { parameter -> [[Inline]] in
      let defaultText: [Inline] =
        parameter.defaultValue.map { $0.isEmpty ? [.text("empty")] : [.code($0)] } ?? [
          .text("none")
        ]
      let phases = parameter.phases.isEmpty ? "all" : parameter.phases.joined(separator: ", ")
      return [
        [.code(parameter.name)], [.code(parameter.flag)], defaultText, [.text(phases)],
        meaning(parameter),
      ]
    }
    blocks.append(.table(Table(header: header, rows: rows)))
    let assignments = procedure.parameters.map { parameter -> String in
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
