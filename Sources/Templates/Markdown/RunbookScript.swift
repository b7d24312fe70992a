import Model

extension Runbook {
  /// How to run the same procedure with `migrate.sh`, and its exit statuses.
  mutating func writeRunningTheScript() {
    out.writeLine("## Running the script")
    out.writeLine()
    out.writeLine(
      "[`migrate.sh`](migrate.sh) runs the steps above in order, from the same model as this runbook. Review it, then:"
    )
    out.writeLine()
    let firstPhase = procedure.phases.first?.id ?? ""
    let phase = Set(procedure.phases.map(\.runsOn)).count > 1 ? " \(firstPhase)" : ""
    let required = procedure.parameters
      .filter { $0.isRequired && ($0.phases.isEmpty || $0.phases.contains(firstPhase)) }
      .map { " \($0.flag) VALUE" }.joined()
    let commands: [(String, String)] = [
      ("./migrate.sh --help", "phases, steps, parameters, exit statuses"),
      ("./migrate.sh --list", "the numbered steps"),
      (
        "./migrate.sh\(phase)\(required) --dry-run",
        "every command, parameters expanded; nothing runs"
      ),
      ("./migrate.sh\(phase)\(required)", "run it"),
      ("./migrate.sh\(phase)\(required) --resume", "after a failure: carry on where it stopped"),
    ]
    let width = commands.map(\.0.count).max() ?? 0
    let examples = commands.map { "\($0.0.padded(to: width))  # \($0.1)" }
    out.writeLine(Markdown.codeBlock(examples.joined(separator: "\n"), language: "bash"))
    out.writeLine()
    out.writeLine(
      "- Parameters come from flags (`--name value` or `--name=value`) or environment variables; required ones are checked before any step runs, and secrets are never printed."
    )
    out.writeLine(
      "- Preflight checks that the tools each phase runs are on `PATH` and runs the phase's context checks before the first step."
    )
    out.writeLine(
      "- Each step prints a timestamped progress line such as `[3/10] Title`. Destructive steps ask you to type `yes`; manual steps print the instruction and wait for `done`; waits poll with a timeout."
    )
    out.writeLine(
      "- Each completed step is recorded in the state file. After a failure or an interrupt, `--resume` skips the completed steps and carries on from the first one not completed; a plain run refuses to start over an unfinished one (use `--restart` to start over). Resuming with a script generated from another model is refused unless `--force-resume`."
    )
    out.writeLine(
      "- Each run appends to the log what the terminal shows, with timestamped records of each step started, completed or failed. Only one run at a time may use a state file; a second one exits with status 5."
    )
    out.writeLine(
      "- `--yes` answers the confirmations for you; a manual step with no automated check stops the run, because only an operator can do it."
    )
    out.writeLine(
      "- Cleanups (such as deleting a helper pod) run when the run stops early; the step they undo runs again on `--resume`."
    )
    out.writeLine()
    out.writeLine("| Option | Meaning |")
    out.writeLine("| --- | --- |")
    for (option, meaning) in ScriptOptions.list(for: procedure) {
      out.writeLine("| \(Markdown.code(option)) | \(Markdown.tableCell(meaning)) |")
    }
    out.writeLine()
    out.writeLine("| Exit status | Meaning |")
    out.writeLine("| --- | --- |")
    for (status, meaning) in ScriptOptions.exitStatuses {
      out.writeLine("| \(status) | \(Markdown.tableCell(meaning)) |")
    }
    out.writeLine()
  }

  /// Each correction: what the source says, why it is wrong, what the model does.
  mutating func writeCorrections() {
    guard !procedure.corrections.isEmpty else { return }
    out.writeLine("## Corrections to the source")
    out.writeLine()
    out.writeLine(
      "Where this runbook deliberately differs from its source document, and why. Each was a defect that would have failed or misled an operator."
    )
    out.writeLine()
    for (index, correction) in procedure.corrections.enumerated() {
      out.writeLine("### \(index + 1). \(correction.title)")
      out.writeLine()
      out.writeLine("The source says:")
      out.writeLine()
      out.writeLine(Markdown.codeBlock(correction.source, language: "bash"))
      out.writeLine()
      out.writeLine("- Problem: \(correction.problem)")
      out.writeLine("- What the model does: \(correction.fix)")
      let steps = correction.steps.map(Markdown.code).joined(separator: ", ")
      if !steps.isEmpty { out.writeLine("- Steps: \(steps)") }
      out.writeLine()
    }
  }
}
