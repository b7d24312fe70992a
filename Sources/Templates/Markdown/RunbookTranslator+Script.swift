import Model

extension RunbookTranslator {
  /// How to run the same procedure with `migrate.sh`, its options and its
  /// exit statuses.
  func runningTheScript() -> [MarkdownBlock] {
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
    let notes = [
      "Parameters come from flags (`--name value` or `--name=value`) or environment variables; required ones are checked before any step runs, and secrets are never printed.",
      "Preflight checks that the tools are on `PATH` (those of the phase's context checks and cleanups, and those of each step that is to run: a step left out by `--from`, `--to`, `--only`, `--skip` or its flag needs none of its own) and runs the phase's context checks before the first step.",
      "Each step prints a timestamped progress line such as `[3/10] Title`. Destructive steps ask you to type `yes`; manual steps print the instruction and wait for `done`; waits poll with a timeout.",
      "On a terminal, progress lines are bold cyan, warnings yellow and the confirmation of a destructive step bold red; with `NO_COLOR` set (to anything but empty), `TERM=dumb`, or output to a pipe or a file there is no colour, and the log never holds any. When a step fails, the script names its section of this runbook, such as `README.md#\(RunbookAnchor.step("ID"))`.",
      "Each completed step is recorded in the state file. After a failure or an interrupt, `--resume` skips the completed steps and carries on from the first one not completed; a plain run refuses to start over an unfinished one (use `--restart` to start over). Resuming with a script generated from another model is refused unless `--force-resume`.",
      "Each run appends to the log what the terminal shows, with timestamped records of each step started, completed or failed and each answer given at a prompt. Only one run at a time may use a state file; a second one exits with status 5.",
      "Each run also appends to its run record, beside the log (its path with `.log` replaced by `.record.jsonl`, so `--log-file` moves both): one JSON object a line for the run's start (procedure, version, model fingerprint, phases, user, host, parameters with each secret as `***`), each step's start and end (status, exit status, attempts, seconds) or why it was skipped, each step a cleanup undid as the run stopped and whether that cleanup succeeded, each answer given at a prompt, and the run's end with its exit status. `gen-migration report RECORD` prints it as a table and compares it with the procedure. The state file, the log and the run record are created mode 0600.",
      "`--yes` answers the confirmations for you; a manual step with no automated check stops the run, because only an operator can do it.",
      "Cleanups (such as deleting a helper pod) run when the run stops early; the step they undo runs again on `--resume`.",
    ]
    let options = ScriptOptions.list(for: procedure).map { option in
      ListItem(words([.code(option.option), .text(": ")], .prose(option.meaning)))
    }
    let statuses = ScriptOptions.exitStatuses.map { status in
      ListItem(words([.strong([.text(status.status)]), .text(": ")], .prose(status.meaning)))
    }
    return [
      .heading(Heading(level: 2, Self.scriptHeading)),
      .paragraph(
        words(
          [.link([.code("migrate.sh")], target: "migrate.sh")],
          .prose(
            " runs the steps above in order, from the same model as this runbook. Review it, then:"
          ))),
      .codeBlock(language: "bash", text: examples.joined(separator: "\n")),
      .list(notes.map { ListItem(Inline.prose($0)) }),
      .paragraph([.text("Options:")]),
      .list(options),
      .paragraph([.text("Exit statuses:")]),
      .list(statuses),
    ]
  }

  /// Each correction: what the source says, why it is wrong, what the model
  /// does. Their headings stay out of the contents.
  func corrections() -> [MarkdownBlock] {
    guard !procedure.corrections.isEmpty else { return [] }
    var blocks: [MarkdownBlock] = [
      heading(2, "Corrections to the source"),
      .paragraph([
        .text(
          "Where this runbook deliberately differs from its source document, and why. Each was a defect that would have failed or misled an operator."
        )
      ]),
    ]
    for (index, correction) in procedure.corrections.enumerated() {
      var facts = [
        ListItem(words([.text("Problem: ")], .prose(correction.problem))),
        ListItem(words([.text("What the model does: ")], .prose(correction.fix))),
      ]
      if !correction.steps.isEmpty {
        facts.append(ListItem(words([.text("Steps: ")], codes(correction.steps))))
      }
      if !correction.changes.isEmpty {
        facts.append(
          ListItem(
            [.text("Source lines changed: ")]
              + codes(correction.changes.flatMap(\.normalizedLines))))
      }
      blocks += [
        .heading(
          Heading(
            level: 3, words([.text("\(index + 1). ")], .prose(correction.title)), inContents: false)
        ),
        .paragraph([.text("The source says:")]),
        .codeBlock(language: "bash", text: correction.source),
        .list(facts),
      ]
    }
    return blocks
  }

  /// The source's command lines the model leaves out, each with its reason:
  /// ``- `watch -n 5 kubectl get pods`: a monitoring aid, not a step``. The
  /// lines of one reason share an item, in the order of the omissions, and a
  /// reference of several lines shows its first and last:
  /// ``- `pipeline -h` … `--debug  Enable debug logging` (40 lines): help text``.
  func omissions() -> [MarkdownBlock] {
    guard !procedure.omissions.isEmpty else { return [] }
    var reasons: [String] = []
    var lines: [String: [[Inline]]] = [:]
    for omission in procedure.omissions {
      if lines[omission.reason] == nil { reasons.append(omission.reason) }
      let code = omission.line.normalizedLines
      let shown: [Inline] =
        if code.count > 1, let first = code.first, let last = code.last {
          [.code(first), .text(" … "), .code(last), .text(" (\(code.count) lines)")]
        } else {
          [.code(code.first ?? "")]
        }
      // Two numbered references to the same text look alike: show it once.
      if lines[omission.reason]?.contains(shown) != true {
        lines[omission.reason, default: []].append(shown)
      }
    }
    return [
      heading(2, "Source lines not modelled"),
      .paragraph([
        .text(
          "Command lines of the source document that this runbook deliberately leaves out, and why."
        )
      ]),
      .list(
        reasons.map { reason in
          ListItem(
            words(
              Array((lines[reason] ?? []).joined(separator: [.text(", ")])), [.text(": ")],
              .prose(reason)))
        }),
    ]
  }
}
