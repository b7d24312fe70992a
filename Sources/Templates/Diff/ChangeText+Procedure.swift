import Model

/// The sentences of the changes to phases, parameters, requirements and prose.
extension ChangeText {
  static func describeProcedure(_ change: ProcedureChange) -> ChangeText {
    switch change {
    case .phaseAdded(let phase):
      return ChangeText([
        .words("added phase "), .code(phase.id),
        .words(": \(phase.title) (runs on \(phase.runsOn))"),
      ])
    case .phaseRemoved(let phase):
      return ChangeText([
        .words("removed phase "), .code(phase.id),
        .words(": \(phase.title) (ran on \(phase.runsOn))"),
      ])
    case .phaseOrder(let old, let new):
      return ChangeText(
        [.words("order of the phases: ")] + list(old, none: "none") + [.words(" → ")]
          + list(new, none: "none"))
    case .runsOn(let phase, let old, let new):
      return ChangeText([.words("phase "), .code(phase), .words(" runs on: \(old) → \(new)")])
    case .pin(let phase, nil, let pin?):
      return ChangeText([
        .words("phase "), .code(phase), .words(" pins every "), .code(pin.tool),
        .words(" call to "), .code(pin.spelling),
      ])
    case .pin(let phase, let pin?, nil):
      return ChangeText([
        .words("context guard removed: phase "), .code(phase), .words(" no longer pins "),
        .code(pin.tool), .words(" to "), .code(pin.spelling),
      ])
    case .pin(let phase, let was, let now):
      return ChangeText([
        .words("context pin of phase "), .code(phase), .words(": "), value(was.map(\.spelling)),
        .words(" → "), value(now.map(\.spelling)),
      ])
    case .prerequisite(let phase, nil, let now?):
      return ChangeText(
        [
          .words("phase "), .code(phase), .words(" now requires phase "), .code(now.phase),
          .words(" to have completed"),
        ] + same(now))
    case .prerequisite(let phase, let was?, nil):
      return ChangeText([
        .words("phase "), .code(phase), .words(" no longer requires phase "), .code(was.phase),
        .words(" to have completed"),
      ])
    case .prerequisite(let phase, let was, let now):
      return ChangeText(
        [
          .words("phase "), .code(phase), .words(" requires the same values of "),
          .code(now?.phase ?? was?.phase ?? ""), .words(": "),
        ] + list(was?.sameValues ?? [], none: "none") + [.words(" → ")]
          + list(now?.sameValues ?? [], none: "none"))
    case .section(let phase, nil, let title):
      return ChangeText([.words("new section '\(title ?? "")' in phase "), .code(phase)])
    case .section(let phase, let title, _):
      return ChangeText([.words("section '\(title ?? "")' removed from phase "), .code(phase)])
    case .parameterAdded(let parameter):
      let traits = [parameter.isRequired ? "required" : nil, parameter.isSecret ? "secret" : nil]
        .compactMap { $0 }
      var pieces: [Piece] = [.words("added parameter "), .code(parameter.name)]
      if !traits.isEmpty { pieces.append(.words(" (" + traits.joined(separator: ", ") + ")")) }
      if let value = parameter.defaultValue {
        pieces +=
          value.isEmpty ? [.words(", default empty")] : [.words(", default "), .code(value)]
      }
      return ChangeText(pieces)
    case .parameterRemoved(let parameter):
      return ChangeText([.words("removed parameter "), .code(parameter.name)])
    case .parameterDefault(let name, let old, let new):
      return ChangeText([
        .words("default of "), .code(name), .words(": "), value(old), .words(" → "), value(new),
      ])
    case .parameterRequired(let name, _, let new):
      return ChangeText([.code(name), .words(new ? " is now required" : " is no longer required")])
    case .parameterSecret(let name, _, let new):
      return ChangeText([
        .code(name),
        .words(new ? " is now secret" : " is no longer secret: its value is shown and recorded"),
      ])
    case .parameterKind(let name, let old, let new):
      return ChangeText([
        .words("kind of "), .code(name), .words(": \(old.rawValue) → \(new.rawValue)"),
      ])
    case .parameterChoices(let name, let old, let new):
      return ChangeText(
        [.words("choices of "), .code(name), .words(": ")] + list(old, none: "any") + [
          .words(" → ")
        ] + list(new, none: "any"))
    case .parameterMeaning(let name, let old, let new):
      return ChangeText(
        [.words("meaning of "), .code(name), .words(" reworded:")], details: reworded(old, new))
    case .parameterPhases(let name, let old, let new):
      return ChangeText(
        [.words("phases that use "), .code(name), .words(": ")] + list(old, none: "every phase") + [
          .words(" → ")
        ] + list(new, none: "every phase"))
    case .parameterRules(let name, let old, let new):
      return ChangeText([
        .words("rules of "), .code(name), .words(": \(rules(old)) → \(rules(new))"),
      ])
    case .tool(nil, let tool):
      return ChangeText([.words("new tool "), value(tool)])
    case .tool(let tool, _):
      return ChangeText([.words("tool no longer used: "), value(tool)])
    case .access(nil, let access):
      return ChangeText([.words("new requirement: " + (access ?? ""))])
    case .access(let access, nil):
      return ChangeText([.words("requirement dropped: " + (access ?? ""))])
    case .access(let old, let new):
      return ChangeText([.words("requirement reworded:")], details: reworded(old, new))
    case .limitation(nil, let text):
      return ChangeText([.words("new limitation: " + (text ?? ""))])
    case .limitation(let text, nil):
      return ChangeText([.words("no longer a limitation: " + (text ?? ""))])
    case .limitation(let old, let new):
      return ChangeText([.words("limitation reworded:")], details: reworded(old, new))
    case .correction(nil, let correction):
      return ChangeText([.words("new correction: " + (correction?.title ?? ""))])
    case .correction(let correction, nil):
      return ChangeText([.words("correction dropped: " + (correction?.title ?? ""))])
    case .correction(_, let correction):
      return ChangeText([.words("correction changed: " + (correction?.title ?? ""))])
    case .omission(nil, let omission):
      return ChangeText([
        .words("source line left out: "), value(omission.map { firstLine($0.line.snippet) }),
      ])
    case .omission(let omission, _):
      return ChangeText([
        .words("source line no longer left out: "),
        value(omission.map { firstLine($0.line.snippet) }),
      ])
    case .admonition(let where_, nil, let admonition):
      return ChangeText(
        [.words("new \(admonition?.kind.rawValue ?? "note") on ")] + place(where_) + [
          .words(": " + (admonition?.text ?? ""))
        ])
    case .admonition(let where_, let admonition, _):
      return ChangeText(
        [.words("\(admonition?.kind.rawValue ?? "note") removed from ")] + place(where_) + [
          .words(": " + (admonition?.text ?? ""))
        ])
    case .title(let where_, let old, let new):
      return ChangeText(
        [.words("title of ")] + place(where_) + [.words(": \"\(old)\" → \"\(new)\"")])
    case .explanation(let where_, _, _):
      let noun = { () -> String in
        switch where_ {
        case .procedure, .phase: "summary"
        case .section, .step: "explanation"
        }
      }()
      return ChangeText([.words("\(noun) of ")] + place(where_) + [.words(" reworded")])
    case .source(let old, let new):
      return ChangeText([.words("source document: \(old ?? "none") → \(new ?? "none")")])
    case .stateDirectory(let old, let new):
      return ChangeText([
        .words("state folder: "), value(old, none: "the default"), .words(" → "),
        value(new, none: "the default"),
      ])
    case .stepAdded, .stepRemoved, .stepMoved, .stepRenamed, .stepReplaced, .destroys, .commands,
      .wait, .check, .instruction, .choice, .retry, .cleanup, .optional, .concurrency, .sources:
      return describeStep(change) ?? ChangeText([])
    }
  }

  /// The first line of a text, with " …" when more follow.
  static func firstLine(_ text: String) -> String {
    let lines = LineDiff.lines(of: text)
    return lines.count > 1 ? lines[0] + " …" : text
  }

  /// ", with the same `A` and `B`".
  static func same(_ prerequisite: PhasePrerequisite) -> [Piece] {
    prerequisite.sameValues.isEmpty
      ? [] : [.words(", with the same ")] + list(prerequisite.sameValues, none: "")
  }

  static func rules(_ rules: [ParameterRule]) -> String {
    guard !rules.isEmpty else { return "none" }
    return rules.map { rule in
      switch rule {
      case .differsFrom(let other): "differs from \(other)"
      case .requiredWhen(let other, let value): "required when \(other) is \(value)"
      case .existingFile: "an existing file"
      }
    }.joined(separator: ", ")
  }
}
