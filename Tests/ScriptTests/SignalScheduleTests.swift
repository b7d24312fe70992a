import Catalog
import Foundation
import Model
import TestSupport
import Testing

/// A seeded schedule of signals (SIGINT to the process group as Ctrl-C,
/// SIGTERM to the script, SIGKILL to the script and everything under it)
/// at moments across the CML import (any call of any step, waits included,
/// before or after the call acts, and at each confirmation prompt) and the
/// Pachyderm concurrent backup group; after each, `--resume` reaches the
/// clean run's end state: the real database's rows and the cluster's files
/// for CML, the emulated clusters and buckets for Pachyderm (issue 9).
///
/// The whole schedule takes about two minutes on two cores, more than
/// `swift test`'s budget allows beside the rest, so `swift test` runs every
/// tenth point of it, prompts and both procedures included; the whole of it
/// runs with `GEN_MIGRATION_SIGNAL_SCHEDULE=1 swift test --filter
/// SignalScheduleTests`, which `.ci/run` does after `swift test`, and
/// `GEN_MIGRATION_SIGNAL_POINTS` picks points.
@Suite struct SignalScheduleTests {
  enum Signal: String, CaseIterable, Sendable {
    case interrupt = "INT"
    case terminate = "TERM"
    case kill = "KILL"
    var status: Int32 { 128 + (self == .interrupt ? 2 : self == .terminate ? 15 : 9) }
  }

  enum When: String, CaseIterable, Sendable { case before, after }

  /// Where a signal arrives.
  enum Moment: Sendable, CustomStringConvertible {
    /// At the CML import's call with this index (among every call of a clean run).
    case cmlCall(Int, When)
    /// At the CML import's K-th confirmation prompt (1-based).
    case cmlPrompt(Int)
    /// At the Pachyderm old-cluster phase's step call with this index.
    case pachydermCall(Int, When)

    var description: String {
      switch self {
      case .cmlCall(let index, let when): "CML call \(index + 1) (\(when))"
      case .cmlPrompt(let prompt): "CML prompt \(prompt)"
      case .pachydermCall(let index, let when): "Pachyderm call \(index + 1) (\(when))"
      }
    }
  }

  struct Point: Sendable, CustomStringConvertible {
    var moment: Moment
    var signal: Signal
    var description: String { "\(signal.rawValue) at \(moment)" }
  }

  static let seed: UInt64 = 2026_1201

  /// The CML import's confirmations: one for each destructive step.
  static let cmlPrompts = FaultInjectionTests.importSteps.filter(\.isDestructive).count
  static let prompt = "Type yes to destroy"

  /// The schedule: 70 CML calls, every prompt with each signal, and 30
  /// calls of the Pachyderm concurrent group, drawn with a fixed seed.
  static let schedule: [Point] = {
    var random = SplitMix64(seed: seed)
    func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
    let cmlCalls = CMLDatabaseFaultTests.clean.calls.indices.filter {
      !CMLDatabaseFaultTests.clean.calls[$0].step.isEmpty
    }
    let groupSteps = Set(
      Pachyderm.version1.phases[0].steps.filter { $0.concurrentGroup != nil }.map(\.id))
    let groupCalls = PachydermFaultTests.clean["old-cluster"]!.calls.indices.filter {
      groupSteps.contains(PachydermFaultTests.clean["old-cluster"]!.calls[$0].step)
    }
    var points: [Point] = []
    for _ in 0..<70 {
      points.append(
        Point(
          moment: .cmlCall(pick(cmlCalls), pick(When.allCases)), signal: pick(Signal.allCases)))
    }
    for prompt in 1...cmlPrompts {
      for signal in Signal.allCases {
        points.append(Point(moment: .cmlPrompt(prompt), signal: signal))
      }
    }
    for _ in 0..<30 {
      points.append(
        Point(
          moment: .pachydermCall(pick(groupCalls), pick(When.allCases)),
          signal: pick(Signal.allCases)))
    }
    return points
  }()

  @Test func theScheduleHasAtLeastAHundredPointsAcrossBothProcedures() {
    #expect(Self.schedule.count >= 100)
    #expect(Self.knownFailing.isSubset(of: Set(Self.schedule.map(\.description))))
    #expect(Self.schedule.contains { if case .cmlPrompt = $0.moment { true } else { false } })
    #expect(Self.schedule.contains { if case .pachydermCall = $0.moment { true } else { false } })
    // Waits are among the moments: calls made by a wait's condition.
    let waitSteps = Set(
      FaultInjectionTests.importSteps.filter { $0.actions.contains { $0.kind == .wait } }.map(\.id))
    #expect(
      Self.schedule.contains {
        if case .cmlCall(let index, _) = $0.moment {
          CMLDatabaseFaultTests.clean.calls[index].call.hasPrefix("kubectl wait")
            && waitSteps.contains(CMLDatabaseFaultTests.clean.calls[index].step)
        } else {
          false
        }
      })
  }

  /// Points of the schedule where the property does not hold yet: open
  /// defects of issue 9, kept visible here rather than dropped from the
  /// schedule. None at present: the six of the first full run pass (the
  /// pty helper no longer blocks, db-0's commands take turns), and the one
  /// hang of the second, SIGTERM as a concurrent member ended, is fixed in
  /// `stop_group`.
  static let knownFailing: Set<String> = []

  /// `GEN_MIGRATION_SIGNAL_POINTS`, points of the schedule by description
  /// separated by `;` (e.g. `TERM at CML call 2 (before)`): only those run,
  /// and a known failure among them fails.
  static let chosen: Set<String>? = ProcessInfo.processInfo
    .environment["GEN_MIGRATION_SIGNAL_POINTS"].map {
      Set($0.split(separator: ";").map(String.init))
    }

  /// How far apart the points are that `swift test` checks.
  static let sampleStride = 10

  /// The points this run checks: every tenth, or all of them on request.
  static let checked: [Point] =
    ProcessInfo.processInfo.environment["GEN_MIGRATION_SIGNAL_SCHEDULE"] == "1"
    ? schedule : stride(from: 0, to: schedule.count, by: sampleStride).map { schedule[$0] }

  @Test func theSampleCoversEveryKindOfMoment() {
    let sample = stride(from: 0, to: Self.schedule.count, by: Self.sampleStride).map {
      Self.schedule[$0]
    }
    #expect(sample.contains { if case .cmlCall = $0.moment { true } else { false } })
    #expect(sample.contains { if case .cmlPrompt = $0.moment { true } else { false } })
    #expect(sample.contains { if case .pachydermCall = $0.moment { true } else { false } })
    #expect(Set(sample.map(\.signal)) == Set(Signal.allCases))
  }

  @Test(arguments: checked)
  func aSignalAtAnyMomentResumesToTheCleanEnd(point: Point) throws {
    if let chosen = Self.chosen, !chosen.contains(point.description) { return }
    let body = {
      switch point.moment {
      case .cmlCall, .cmlPrompt: try cml(point)
      case .pachydermCall(let index, let when): try pachyderm(point, index, when)
      }
    }
    if Self.knownFailing.contains(point.description) && Self.chosen == nil {
      withKnownIssue("open defect of issue 9", isIntermittent: true) { try body() }
    } else {
      try body()
    }
  }

  /// The import without `--yes`, its confirmations answered at the terminal.
  private func cml(_ point: Point) throws {
    let workspace = try CMLEmulatedWorkspace()
    defer { workspace.remove() }
    // A run that waits for an answer that never comes fails in 60 s, not 300.
    var environment = ["STUB_SIGNAL": point.signal.rawValue, "TTY_TIMEOUT": "60"]
    switch point.moment {
    case .cmlCall(let index, let when):
      environment["STUB_SIGNAL_AT"] = "\(index + 1)"
      environment["STUB_SIGNAL_WHEN"] = when.rawValue
    case .cmlPrompt(let prompt):
      environment["TTY_PROMPT"] = Self.prompt
      environment["TTY_SIGNAL_AT_PROMPT"] = "\(prompt)"
      environment["TTY_SIGNAL"] = point.signal.rawValue
    case .pachydermCall: Issue.record("not a CML moment")
    }
    let answers = String(repeating: "yes\n", count: Self.cmlPrompts)
    let stopped = try workspace.runInteractive([], input: answers, environment: environment)
    #expect(
      [0, point.signal.status].contains(stopped.status), "\(point): \(stopped.standardError)")
    if point.signal != .kill && stopped.status != 0 {
      #expect(stopped.standardError.contains("--resume"), "\(point): \(stopped.standardError)")
    }
    let resumed = try workspace.runInteractive(
      ["--resume"], input: answers, environment: ["TTY_TIMEOUT": "60"])
    #expect(resumed.status == 0, "\(point): \(resumed.standardError)")
    let clean = CMLDatabaseFaultTests.clean
    let database = try workspace.databaseContents()
    #expect(
      database == clean.database,
      "\(point): \(CMLDatabaseFaultTests.difference(database, clean.database))")
    let cluster = CMLDatabaseFaultTests.normalized(workspace)
    #expect(
      cluster == clean.cluster,
      "\(point): \(CMLDatabaseFaultTests.difference(cluster, clean.cluster))")
    FaultInjectionTests.expectCompletedOnceAfterLastUndo(
      CMLWorkspace.state(workspace.harness), steps: FaultInjectionTests.importSteps)
  }

  private func pachyderm(_ point: Point, _ index: Int, _ when: When) throws {
    let phase = "old-cluster"
    let clean = try #require(PachydermFaultTests.clean[phase])
    let target = clean.calls[index]
    let occurrence = clean.calls[...index].filter { $0.call == target.call }.count
    let harness = try PachydermWorld.ready(for: phase)
    let stopped = try PachydermWorld.run(
      phase, harness,
      environment: [
        "STUB_SIGNAL_CALL": target.call.replacingOccurrences(of: "$DIR", with: harness.folder.path),
        "STUB_SIGNAL_NTH": "\(occurrence)", "STUB_SIGNAL": point.signal.rawValue,
        "STUB_SIGNAL_WHEN": when.rawValue,
      ])
    #expect(
      [0, point.signal.status].contains(stopped.status), "\(point): \(stopped.standardError)")
    let resumed = try PachydermWorld.run(phase, harness, ["--resume"])
    #expect(resumed.status == 0, "\(point) (\(target.call)): \(resumed.standardError)")
    let end = PachydermWorld.snapshot(harness)
    #expect(
      end == clean.end,
      "\(point) (\(target.call)): differs at \(Set(end.keys).union(clean.end.keys).filter { end[$0] != clean.end[$0] }.sorted())"
    )
  }
}
