import Model

/// One code block of the runbook as one step of the draft.
extension DraftBuilder {
  static let shellLanguages: Set<String> = [
    "bash", "sh", "shell", "console", "zsh", "shell-session", "shellsession", "terminal", "ksh",
  ]

  /// Adds the step of `block` to the current section: shell commands,
  /// SQL, file writes or, for a block it cannot classify, a manual step
  /// quoting it. `NAME=value` lines become parameters and leave the step.
  mutating func add(_ block: SourceCodeBlock) {
    phaseHasCode = true
    let commands = SourceCommandLines.commands(in: block)
    let explanation = prose.joined(separator: "\n\n")
    prose = []
    let language = block.language.lowercased()
    var actions: [Action] = []
    var sources: [SourceReference] = []
    var admonitions = takePending()
    let prompted = block.lines.contains { SourceCommandLines.isPrompted($0.text.trimmed) }
    if Self.shellLanguages.contains(language) || (language.isEmpty && prompted) {
      var shell: [String] = []
      func flushShell() {
        if !shell.isEmpty { actions.append(.shell(ShellCommand(shell.joined(separator: "\n")))) }
        shell = []
      }
      for command in commands {
        if let assignment = DraftParameters.Assignment(command, known: assignments) {
          assignments.append(assignment)
          omissions.append(
            Omission(
              Self.reference(command),
              reason:
                "becomes the parameter \(assignment.name) (default \(assignment.value.isEmpty ? "empty" : assignment.value)); set it with \(Parameter.flag(for: assignment.name)) or \(assignment.name)=..."
            ))
          continue
        }
        sources.append(Self.reference(command))
        let (text, found) = ShellRewrite.placeholders(inCommand: command.text)
        placeholders += found.map { (command.line, $0) }
        let assigned = shellAssigned
        if let file = FileWriteCommand(
          text, isParameter: { DraftParameters.isValidName($0) && !assigned.contains($0) })
        {
          flushShell()
          actions.append(.writeFile(file.write))
        } else {
          shell.append(text)
        }
      }
      flushShell()
    } else if language == "sql" {
      sources = commands.map(Self.reference)
      if !commands.isEmpty {
        actions.append(
          .sql(SQLScript(client: "psql", commands.map(\.text).joined(separator: "\n"))))
        admonitions.append(
          .note(
            "The runbook does not say which client runs this SQL: the draft assumes `psql`; give it the connection (for example `psql -v ON_ERROR_STOP=1 -d NAME`)."
          ))
        noteOnce(
          "SQL blocks run with the client `psql`: the runbook names none; edit each SQL step's client"
        )
      }
    } else {
      sources = commands.map(Self.reference)
      let body = block.lines.map(\.text).joined(separator: "\n").trimmed
      guard !body.isEmpty else {
        pending = admonitions
        prose = explanation.isEmpty ? [] : [explanation]
        return
      }
      let what =
        language == "inline"
        ? "shows `\(body)` on a line of its own"
        : "shows this \(language.isEmpty ? "unlabelled" : language) block"
      actions.append(
        .manual(
          ManualInstruction(
            "The runbook \(what), which the draft cannot classify: do what the runbook says with it, or make it a command or a file."
              + (language == "inline" ? "" : "\n\n" + body))))
      noteOnce(
        "code the draft cannot classify (a block in another language, a code span alone on a line) is a manual step quoting it"
      )
    }
    guard !actions.isEmpty else {
      // Only parameters: the prose before them explains the parameters.
      let from = assignments.count - commands.count
      if from >= 0, !explanation.isEmpty {
        for index in assignments.indices.dropFirst(from) {
          assignments[index].context = explanation
        }
      }
      pending = admonitions
      return
    }
    let heading = section?.title ?? phase?.title ?? "Step"
    let title = ImportNaming.stepTitle(explanation: explanation, fallback: heading)
    section?.steps.append(
      Step(
        id: stepIDs.make(from: title, fallback: "step"), title: title, explanation: explanation,
        actions: actions, admonitions: admonitions, sources: sources))
  }

  /// `92: NAMESPACE=mlx`: the command's first line, on its line, as trace prints it.
  static func reference(_ command: SourceCommandLine) -> SourceReference {
    let first = command.text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
    return SourceReference("\(command.line): \(first)")
  }
}
