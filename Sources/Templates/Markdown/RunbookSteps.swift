import Model

extension Runbook {
  mutating func writePhase(_ phase: Phase, number: Int) {
    out.writeLine("## \(phaseHeading(phase, number: number))")
    out.writeLine()
    out.writeLine(
      "Runs on \(phase.runsOn). To run this phase with the script: `./migrate.sh \(phase.id)`.")
    out.writeLine()
    if !phase.summary.isEmpty {
      out.writeLine(phase.summary)
      out.writeLine()
    }
    if !phase.preflight.isEmpty {
      out.writeLine("Before you start, check:")
      out.writeLine()
      for check in phase.preflight {
        out.writeLine(
          "- [ ] \(check.description): \(Markdown.code(check.command)) \(check.expectation.runbookPhrase). If not: \(check.failure)"
        )
      }
      out.writeLine()
    }
    var number = stepNumberBefore(phase)
    for section in phase.sections {
      out.writeLine("### \(section.title)")
      out.writeLine()
      if !section.explanation.isEmpty {
        out.writeLine(section.explanation)
        out.writeLine()
      }
      for admonition in section.admonitions { writeAdmonition(admonition) }
      for step in section.steps {
        number += 1
        writeStep(step, number: number)
      }
    }
  }

  private func stepNumberBefore(_ phase: Phase) -> Int {
    var count = 0
    for other in procedure.phases {
      if other.id == phase.id { break }
      count += other.steps.count
    }
    return count
  }

  mutating func writeStep(_ step: Step, number: Int) {
    out.writeLine("#### Step \(number). \(step.title)")
    out.writeLine()
    var marks = ["step id \(Markdown.code(step.id))"]
    if step.isManual { marks.append("manual") }
    if step.isDestructive { marks.append("**destructive**") }
    if let flag = step.enabledBy {
      marks.append("optional: runs when \(Markdown.code(flag)) is `yes`")
    }
    if let group = step.concurrentGroup {
      let others = procedure.orderedSteps.filter {
        $0.step.concurrentGroup == group && $0.step.id != step.id
      }
      .map { Markdown.code($0.step.id) }
      marks.append("may run at the same time as \(others.joined(separator: ", "))")
    }
    out.writeLine(marks.joined(separator: " · "))
    out.writeLine()
    if let destroys = step.destroys {
      writeAdmonition(
        .danger("This step destroys \(destroys). The script asks you to type `yes` before it runs.")
      )
    }
    if !step.explanation.isEmpty {
      out.writeLine(step.explanation)
      out.writeLine()
    }
    for admonition in step.admonitions { writeAdmonition(admonition) }
    for action in step.actions { writeAction(action) }
    if let cleanup = step.cleanup {
      let window =
        cleanup.until.map { "before step \(Markdown.code($0)) completes" } ?? "after this step"
      out.writeLine(
        "If the procedure stops \(window), undo this step with the command below (the script does it on exit; resuming then runs this step again):"
      )
      out.writeLine()
      out.writeLine(Markdown.codeBlock(cleanup.command, language: "bash"))
      out.writeLine()
    }
  }

  private mutating func writeAction(_ action: Action) {
    switch action {
    case .shell(let shell):
      out.writeLine(Markdown.codeBlock(shell.command, language: "bash"))
    case .sql(let sql):
      out.writeLine(
        "Run this SQL through \(Markdown.code(sql.client)), which reads it on standard input:")
      out.writeLine()
      out.writeLine(Markdown.codeBlock(sql.statements.trimmingTrailingNewlines, language: "sql"))
    case .writeFile(let file):
      out.writeLine(
        "Write \(Markdown.code(file.path)) with this content (`${NAME}` stands for the value of parameter `NAME`):"
      )
      out.writeLine()
      out.writeLine(
        Markdown.codeBlock(file.content.trimmingTrailingNewlines, language: file.language))
    case .manual(let manual):
      let lines = manual.instruction.split(separator: "\n", omittingEmptySubsequences: false)
      out.writeLine("- [ ] \(lines.first ?? "")")
      for line in lines.dropFirst() { out.writeLine(line.isEmpty ? "" : "      \(line)") }
      if let verification = manual.verification {
        out.writeLine(
          "- [ ] Check: \(Markdown.code(verification.command)) \(verification.expectation.runbookPhrase). If not: \(verification.failure)"
        )
      }
    case .wait(let wait):
      out.writeLine(
        "Wait for \(wait.description): repeat this every \(wait.intervalSeconds) seconds until it succeeds, for at most \(Markdown.code(wait.timeoutSeconds)) seconds."
      )
      out.writeLine()
      out.writeLine(Markdown.codeBlock(wait.condition, language: "bash"))
    case .check(let check):
      out.writeLine(
        "Check \(check.description): this \(check.expectation.runbookPhrase). If not: \(check.failure)"
      )
      out.writeLine()
      out.writeLine(Markdown.codeBlock(check.command, language: "bash"))
    case .choose(let choice):
      out.writeLine(
        "Choose \(choice.description): this lists the candidates, one a line. Set \(Markdown.code(choice.parameter)) to one of them; if it is already set it must be among them, and if there is only one, that one is used."
      )
      out.writeLine()
      out.writeLine(Markdown.codeBlock(choice.candidates, language: "bash"))
    }
    out.writeLine()
  }
}

extension Expectation {
  /// Completes "`command` ...": "must print nothing".
  var runbookPhrase: String {
    switch self {
    case .empty: "must print nothing"
    case .nonEmpty: "must print at least one line"
    case .equals(let text):
      "must print exactly "
        + text.split(separator: "\n").map { Markdown.code(String($0)) }.joined(separator: ", ")
    case .equalsParameter(let name): "must print exactly the value of \(Markdown.code(name))"
    }
  }
}

extension String {
  var trimmingTrailingNewlines: String {
    var copy = self
    while copy.hasSuffix("\n") { copy.removeLast() }
    return copy
  }
}
