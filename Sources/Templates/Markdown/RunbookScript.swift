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
    let phaseWord = Set(procedure.phases.map(\.runsOn)).count > 1 ? " \(firstPhase)" : ""
    var examples = [
      "./migrate.sh --help                 # phases, steps, parameters, exit statuses",
      "./migrate.sh --list                 # the numbered steps",
      "./migrate.sh\(phaseWord) --dry-run\(String(repeating: " ", count: max(1, 20 - phaseWord.count - 10)))# print every command with parameters expanded; run nothing",
    ]
    let flags = procedure.parameters.filter { $0.isRequired }.map { "\($0.flag) VALUE" }
    examples.append(
      "./migrate.sh\(phaseWord)\(flags.isEmpty ? "" : " " + flags.joined(separator: " "))")
    if let step = procedure.phases.first?.steps.dropFirst().first {
      examples.append(
        "./migrate.sh\(phaseWord) --from \(step.id)   # carry on from a step after fixing a failure"
      )
    }
    out.writeLine(Markdown.codeBlock(examples.joined(separator: "\n"), language: "bash"))
    out.writeLine()
    out.writeLine(
      "- Parameters come from flags (`--name value` or `--name=value`) or environment variables; required ones are checked before any step runs, and secrets are never printed."
    )
    out.writeLine(
      "- Preflight checks that the tools each phase runs are on `PATH` and runs the phase's context checks before the first step."
    )
    out.writeLine(
      "- Each step prints a progress line such as `[3/10] Title`. Destructive steps ask you to type `yes`; manual steps print the instruction and wait for `done`; waits poll with a timeout."
    )
    out.writeLine(
      "- `--yes` answers the confirmations for you; a manual step with no automated check stops the run, because only an operator can do it."
    )
    out.writeLine(
      "- A failure names the step, its exit status and the `--from` command that carries on from it. Cleanups (such as deleting a helper pod) run on exit, after a failure too."
    )
    out.writeLine()
    out.writeLine("| Exit status | Meaning |")
    out.writeLine("| --- | --- |")
    out.writeLine("| 0 | every selected step completed |")
    out.writeLine("| 1 | a step failed; the message names it and how to carry on |")
    out.writeLine("| 2 | usage error: unknown option or phase, missing or invalid parameter |")
    out.writeLine("| 3 | preflight failed: a required tool is missing or a context check failed |")
    out.writeLine("| 4 | the operator declined a confirmation or gave no answer |")
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
