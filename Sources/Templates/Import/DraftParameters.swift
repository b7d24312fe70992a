import Model

/// The parameters of a draft: each `NAME=value` line of the runbook (a
/// parameter with that default), each placeholder (`<cluster ip>`,
/// `{{ config.version }}`), and each variable a step reads that nothing
/// before it assigns (a required parameter). A name that cannot be a
/// parameter (`site_config`, or `INDEX`, which the script uses itself) is
/// renamed (`SITE_CONFIG`, `RUNBOOK_INDEX`) in every command, with a note.
struct DraftParameters {
  /// `NAMESPACE=mlx` on a line of its own: a parameter and its default.
  struct Assignment: Equatable {
    var name: String
    var value: String
    var line: Int
    /// The prose before the block that holds it, when the block is only assignments.
    var context = ""

    /// The assignment `command` makes, when it is nothing but one
    /// assignment of a literal value (or of `${HOME}`-style standard
    /// variables and earlier parameters) to a valid parameter name not
    /// assigned before.
    init?(_ command: SourceCommandLine, known: [Assignment]) {
      var text = command.text.trimmed
      if text.hasPrefix("export ") { text = text.dropFirst(7).trimmed }
      guard let equals = text.firstIndex(of: "=") else { return nil }
      let name = String(text[..<equals])
      let word = String(text[text.index(after: equals)...])
      guard DraftParameters.isValidName(name), !known.contains(where: { $0.name == name }),
        !word.contains("\n")
      else { return nil }
      let value: String
      if word.count >= 2, word.first == "'", word.last == "'" {
        value = String(word.dropFirst().dropLast())
        guard !value.contains("'"), !value.contains("${") else { return nil }
      } else {
        let quoted = word.count >= 2 && word.first == "\"" && word.last == "\""
        let inner = quoted ? String(word.dropFirst().dropLast()) : word
        // Literal text; a space only inside the quotes.
        let bare = inner.allSatisfy {
          $0.isLetter || $0.isNumber || "_./:@%+,=-~{}$".contains($0) || (quoted && $0 == " ")
        }
        guard bare,
          FileWriteCommand.onlyParameters(
            inner,
            { Procedure.standardEnvironment.contains($0) || known.map(\.name).contains($0) })
        else { return nil }
        value = inner
      }
      self.name = name
      self.value = value
      self.line = command.line
    }
  }

  var assignments: [Assignment]
  var placeholders: [(line: Int, placeholder: ShellRewrite.Placeholder)] = []
  var declared: [Parameter] = []

  init(assignments: [Assignment], placeholders: [(Int, ShellRewrite.Placeholder)] = []) {
    self.assignments = assignments
    self.placeholders = placeholders.map { (line: $0.0, placeholder: $0.1) }
  }

  /// UPPER_SNAKE_CASE, not a standard variable, not a name the script or bash uses.
  static func isValidName(_ name: String) -> Bool {
    guard let first = name.first, first.isASCII, first.isUppercase else { return false }
    return name.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
      && !Procedure.standardEnvironment.contains(name) && !Procedure.isReserved(name)
  }

  /// Declares the parameters `phases` need, renaming where it must; returns
  /// the phases with renamed variables and a note per rename.
  mutating func resolve(_ phases: [Phase]) -> (phases: [Phase], notes: [String]) {
    var notes: [String] = []
    for assignment in assignments {
      declared.append(
        Parameter(
          assignment.name,
          (assignment.context.isEmpty ? "" : assignment.context + " ")
            + "(Set in the runbook by `\(assignment.name)=\(assignment.value)`, line \(assignment.line).)",
          default: assignment.value))
    }
    for (line, placeholder) in placeholders where !isDeclared(placeholder.name) {
      declared.append(
        Parameter(
          placeholder.name,
          "Stands for the placeholder `\(placeholder.original)` of the runbook (line \(line)), which gives no value.",
          required: true))
    }
    var phases = phases
    let everAssigned = Set(
      phases.flatMap(\.steps).flatMap(\.actions).flatMap(\.shellTexts).flatMap {
        ShellText($0).assigns
      })
    for (name, step) in unresolvedReads(phases) {
      if Self.isValidName(name) {
        let value =
          everAssigned.contains(name)
          ? "another phase's commands assign it, which a phase run on its own cannot see: give it the value they made"
          : "the runbook gives it no value"
        declared.append(
          Parameter(
            name, "Read by the runbook's commands as $\(name) (first in step \(step)); \(value).",
            required: true))
        continue
      }
      guard !everAssigned.contains(name) else { continue }
      var new = ShellRewrite.parameterName(name)
      if !Self.isValidName(new) || isDeclared(new) || everAssigned.contains(new) {
        new = "RUNBOOK_" + new
      }
      while isDeclared(new) || everAssigned.contains(new) { new += "_2" }
      let why =
        name == name.uppercased()
        ? "\(name) is a name bash or the generated script uses itself"
        : "parameter names are UPPER_SNAKE_CASE"
      declared.append(
        Parameter(
          new,
          "$\(name) in the runbook (first in step \(step)), renamed because \(why); the runbook gives it no value.",
          required: true))
      notes.append(
        "$\(name) is the parameter \(new) (renamed: \(why)); check that it is meant to be an input")
      phases = Self.renaming(name, to: new, in: phases)
    }
    return (phases, notes)
  }

  func isDeclared(_ name: String) -> Bool { declared.contains { $0.name == name } }

  /// Variables read by a step that neither the step nor an earlier one
  /// assigns and no parameter or standard variable provides, with the
  /// first step that reads each, in order.
  func unresolvedReads(_ phases: [Phase]) -> [(String, String)] {
    var assignedBefore: Set<String> = []
    var found: [(String, String)] = []
    // Like validation: a phase runs on its own, so it sees no variable
    // that another phase's steps assign.
    for step in phases.flatMap(\.steps) {
      if phases.contains(where: { $0.steps.first?.id == step.id }) { assignedBefore = [] }
      var assigned: Set<String> = []
      for action in step.actions {
        var reads: [String] = []
        for text in action.shellTexts {
          assigned.formUnion(ShellText(text).assigns)
          reads += ShellText(text).reads
        }
        if case .writeFile(let file) = action {
          reads += Template(file.path).references + Template(file.content).references
        }
        for name in reads
        where !assigned.contains(name) && !assignedBefore.contains(name) && !isDeclared(name)
          && !Procedure.standardEnvironment.contains(name)
          && !found.contains(where: { $0.0 == name })
        {
          found.append((name, step.id))
        }
      }
      assignedBefore.formUnion(assigned)
    }
    return found
  }

  static func renaming(_ old: String, to new: String, in phases: [Phase]) -> [Phase] {
    var phases = phases
    for p in phases.indices {
      for s in phases[p].sections.indices {
        for t in phases[p].sections[s].steps.indices {
          phases[p].sections[s].steps[t].actions = phases[p].sections[s].steps[t].actions.map {
            if case .shell(let shell) = $0 {
              return .shell(ShellCommand(ShellRewrite.renaming(old, to: new, in: shell.command)))
            }
            return $0
          }
        }
      }
    }
    return phases
  }
}
