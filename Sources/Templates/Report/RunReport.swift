import Model

/// The text `gen-migration report` prints for a run record: each run as a
/// table of its steps, then, given the procedure, every step of it with
/// what became of it over all the runs:
///
///     Run 1 of 2: injection 1.0 (model 0123456789abcdef), phases: main
///       started 2026-12-01T10:00:00+0000 by ops on db1, ended 2026-12-01T10:00:07+0000 (7s), exit status 1
///       parameters: TOKEN=***
///       #  step   status                  attempts  seconds
///       1  first  completed               1         2
///       2  last   failed (exit status 1)  1         0
///
///     Compared with injection 1.0 (model 0123456789abcdef):
///       #  step   over all runs
///       1  first  completed (run 1)
///       2  last   completed (run 2)
///     2 steps: 2 completed, 0 failed, 0 skipped, 0 missing.
public struct RunReport: Equatable, Sendable {
  public var text: String
  /// Whether the comparison found a step that did not complete (failed,
  /// interrupted, missing) or one the procedure does not have.
  public var isComplete: Bool

  public static func render(_ runs: [RecordedRun], procedure: Procedure?) -> RunReport {
    var lines: [String] = []
    for (index, run) in runs.enumerated() {
      if index > 0 { lines.append("") }
      lines += runLines(run, number: index + 1, of: runs.count)
    }
    guard let procedure else { return RunReport(text: joined(lines), isComplete: true) }
    lines.append("")
    let comparison = compare(runs, procedure)
    lines += comparison.lines
    return RunReport(text: joined(lines), isComplete: comparison.isComplete)
  }

  private static func joined(_ lines: [String]) -> String {
    lines.map(\.trimmingTrailingSpaces).joined(separator: "\n") + "\n"
  }

  static func runLines(_ run: RecordedRun, number: Int, of count: Int) -> [String] {
    var lines = [
      "Run \(number) of \(count): \(run.procedure) \(run.version) (model \(run.fingerprint)), phases: \(run.phases.joined(separator: " "))"
        + (run.resume ? ", resumed" : "")
    ]
    let user = !run.user.isEmpty ? run.user : run.uid.map { "uid \($0)" } ?? "an unknown user"
    var when = "  started \(run.started) by \(user)"
    when += " on \(run.host.isEmpty ? "an unknown host" : run.host)"
    if let ended = run.ended, let epoch = run.endedEpoch {
      when += ", ended \(ended) (\(epoch - run.startedEpoch)s)"
      if let status = run.status { when += ", exit status \(status)" }
    } else {
      when += ", no end recorded (still running, or stopped without a trace)"
    }
    lines.append(when)
    if !run.parameters.isEmpty {
      lines.append(
        "  parameters: " + run.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ", "))
    }
    let rows = run.steps.map { step -> [String] in
      [
        step.number.map(String.init) ?? "?", step.id, describe(step),
        step.attempts.map(String.init) ?? "-", step.seconds.map(String.init) ?? "-",
      ]
    }
    if rows.isEmpty {
      lines.append("  no step started")
    } else {
      lines += table(header: ["#", "step", "status", "attempts", "seconds"], rows: rows)
    }
    if !run.cleanups.isEmpty {
      lines.append(
        "  cleanups as it stopped: "
          + run.cleanups.map { "\($0.step) (\($0.succeeded ? "completed" : "failed"))" }
          .joined(separator: ", "))
    }
    if !run.answers.isEmpty {
      lines.append("  answers:")
      for answer in run.answers {
        lines.append("    \(answer.step): \(answer.prompt) \(answer.answer)")
      }
    }
    return lines
  }

  /// `failed (exit status 1)`, `skipped (completed-earlier)`.
  static func describe(_ step: RecordedRun.StepOutcome) -> String {
    switch step.status {
    case .skipped(let reason): "skipped (\(reason))"
    case .started: "started, no end recorded"
    case .completed: "completed"
    case .undone(let cleanup): "undone by the cleanup of \(cleanup)"
    default: "\(step.status.name)" + (step.exitStatus.map { " (exit status \($0))" } ?? "")
    }
  }

  static func table(header: [String], rows: [[String]]) -> [String] {
    let widths = header.indices.map { column in
      ([header[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
    }
    return ([header] + rows).map { row in
      "  "
        + row.enumerated().map { $0.element.padded(to: widths[$0.offset]) }
        .joined(separator: "  ")
    }
  }

  static func compare(_ runs: [RecordedRun], _ procedure: Procedure) -> (
    lines: [String], isComplete: Bool
  ) {
    var lines = [
      "Compared with \(procedure.id) \(procedure.version) (model \(procedure.fingerprint)):"
    ]
    var complete = true
    let fingerprint = procedure.fingerprint
    for (index, run) in runs.enumerated() {
      if run.procedure != procedure.id || run.version != procedure.version.description {
        lines.append(
          "  warning: run \(index + 1) is of \(run.procedure) \(run.version), not of this procedure"
        )
      } else if run.fingerprint != fingerprint {
        lines.append(
          "  warning: run \(index + 1) was written by a script of model \(run.fingerprint), not \(fingerprint): the procedure changed since, so the steps may not match"
        )
      }
    }
    let selected = Set(runs.flatMap(\.phases))
    var counts = (completed: 0, failed: 0, undone: 0, skipped: 0, missing: 0, other: 0)
    var rows: [[String]] = []
    for (number, entry) in procedure.orderedSteps.enumerated() {
      let id = entry.step.id
      let outcomes = runs.enumerated().flatMap { run in
        run.element.steps.filter { $0.id == id }.map { (run: run.offset + 1, outcome: $0) }
      }
      let decisive = outcomes.last { if case .skipped = $0.outcome.status { false } else { true } }
      let result: String
      if let decisive {
        result = "\(describe(decisive.outcome)) (run \(decisive.run))"
        switch decisive.outcome.status {
        case .completed: counts.completed += 1
        case .undone:
          counts.undone += 1
          complete = false
        default:
          counts.failed += 1
          complete = false
        }
      } else if let skipped = outcomes.last {
        result = "\(describe(skipped.outcome)) (run \(skipped.run))"
        counts.skipped += 1
      } else if selected.contains(entry.phase.id) {
        result = "missing: no run reached it"
        counts.missing += 1
        complete = false
      } else {
        result = "not run: phase \(entry.phase.id) was not selected"
        counts.other += 1
      }
      rows.append([String(number + 1), id, result])
    }
    lines += table(header: ["#", "step", "over all runs"], rows: rows)
    let known = Set(procedure.orderedSteps.map(\.step.id))
    var unknown: [String] = []
    for (index, run) in runs.enumerated() {
      for step in run.steps where !known.contains(step.id) {
        unknown.append("\(step.id) (run \(index + 1))")
      }
    }
    if !unknown.isEmpty {
      lines.append("  not in the procedure: " + unknown.joined(separator: ", "))
      complete = false
    }
    let total = procedure.orderedSteps.count
    var summary =
      "\(total) \(total == 1 ? "step" : "steps"): \(counts.completed) completed, \(counts.failed) failed, \(counts.skipped) skipped, \(counts.missing) missing"
    if counts.undone > 0 { summary += ", \(counts.undone) undone by a cleanup" }
    if counts.other > 0 { summary += ", \(counts.other) in phases not selected" }
    lines.append(summary + ".")
    return (lines, complete)
  }
}
