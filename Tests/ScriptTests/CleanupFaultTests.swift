import Catalog
import Foundation
import Model
import TestSupport
import Testing

/// A run of the CML import that fails inside the helper pod's cleanup scope
/// and is then killed (or terminated) while the cleanup acts, before or after
/// it deleted the pod: `--resume` still reaches the clean run's end state,
/// because the scope is recorded as undone before its cleanup acts (issue 9;
/// CI once killed a run just after the cleanup's delete, and the resume
/// failed at `copy-project-files` against a pod that no longer existed).
@Suite struct CleanupFaultTests {
  typealias When = SignalScheduleTests.When
  typealias Signal = SignalScheduleTests.Signal

  /// The steps whose failure runs the helper pod's cleanup: the step that
  /// declares it and those after it, up to its `until` step.
  static let scope: [Step] = {
    let steps = FaultInjectionTests.importSteps
    guard let start = steps.firstIndex(where: { $0.cleanup != nil }) else { return [] }
    let until = steps[start].cleanup?.until
    let end = steps[start...].firstIndex { $0.id == until } ?? steps.endIndex
    return Array(steps[start..<end])
  }()

  /// The cleanup's command, as its first two words appear in a call line.
  static let cleanupCall: String = {
    let command = scope.first?.cleanup?.command ?? ""
    return command.split(separator: " ").prefix(2).joined(separator: " ")
  }()

  struct Case: Sendable, CustomStringConvertible {
    var step: String
    var when: When
    var signal: Signal
    var description: String { "\(signal.rawValue) \(when) the cleanup acts, after \(step) failed" }
  }

  /// Every step of the scope, killed after the cleanup acted; the first and
  /// the last also before it acts, and with SIGTERM.
  static let cases: [Case] =
    scope.map { Case(step: $0.id, when: .after, signal: .kill) } + [
      Case(step: scope.first?.id ?? "", when: .before, signal: .kill),
      Case(step: scope.last?.id ?? "", when: .after, signal: .terminate),
    ]

  @Test func theScopeHoldsTheStepsThatBuildOnTheHelperPod() {
    #expect(Self.scope.map(\.id).contains("copy-project-files"))
    #expect(Self.scope.count >= 3)
    #expect(Self.cleanupCall == "kubectl delete")
  }

  @Test(arguments: cases)
  func aRunStoppedWhileItsCleanupActsResumesToTheCleanEnd(_ fault: Case) throws {
    let clean = CMLDatabaseFaultTests.clean
    let firstCall = try #require(clean.calls.firstIndex { $0.step == fault.step })
    let failAt = ["STUB_FAIL_AT": "\(firstCall + 1)"]

    // Where the cleanup's call falls in a run that fails there.
    let probe = try CMLEmulatedWorkspace()
    defer { probe.remove() }
    _ = try probe.runImport([], environment: failAt)
    let calls = probe.harness.commandCalls
    let cleanupIndex = try #require(
      calls.indices.first { $0 > firstCall && calls[$0].hasPrefix(Self.cleanupCall) },
      "\(fault): no cleanup call in \(calls.suffix(3))")

    let workspace = try CMLEmulatedWorkspace()
    defer { workspace.remove() }
    var environment = failAt
    environment["STUB_SIGNAL_AT"] = "\(cleanupIndex + 1)"
    environment["STUB_SIGNAL_WHEN"] = fault.when.rawValue
    environment["STUB_SIGNAL"] = fault.signal.rawValue
    let stopped = try workspace.runImport([], environment: environment)
    #expect(stopped.status != 0, "\(fault): \(stopped.standardError)")
    #expect(
      workspace.harness.commandCalls.count == cleanupIndex + 1,
      "\(fault): the run went on after the signal: \(workspace.harness.commandCalls.suffix(3))")

    let resumed = try workspace.runImport(["--resume"])
    #expect(resumed.status == 0, "\(fault): \(resumed.standardError)")
    let database = try workspace.databaseContents()
    #expect(
      database == clean.database,
      "\(fault): \(CMLDatabaseFaultTests.difference(database, clean.database))")
    let cluster = CMLDatabaseFaultTests.normalized(workspace)
    #expect(
      cluster == clean.cluster,
      "\(fault): \(CMLDatabaseFaultTests.difference(cluster, clean.cluster))")
    FaultInjectionTests.expectCompletedOnceAfterLastUndo(
      CMLWorkspace.state(workspace.harness), steps: FaultInjectionTests.importSteps)
  }
}
