import Catalog
import Foundation
import Model
import TestSupport
import Testing

/// Every call of a clean CML export and import, made to fail once in each form (before
/// it answers; after it acted, its response lost), then `--resume`: the run
/// reaches the clean end, the resumed calls are exactly the clean run's
/// changes of the steps that had to run again, and every step ends completed
/// once after its last undo (issue 9). Reads may be skipped where a step
/// saved their result; every change is made again exactly as in the clean run.
@Suite struct EveryCommandFaultTests {
  enum Form: String, CaseIterable, Sendable {
    case beforeActing = "STUB_FAIL_AT"
    case afterActing = "STUB_FAIL_AFTER"
  }

  /// A phase of the CML procedure and how the tests run it.
  enum Phase: String, CaseIterable, Sendable {
    case export, `import`

    var steps: [Step] {
      self == .export ? FaultInjectionTests.exportSteps : FaultInjectionTests.importSteps
    }

    func run(_ harness: ScriptHarness, _ extra: [String], _ environment: [String: String]) throws
      -> ProcessResult
    {
      self == .export
        ? try CMLWorkspace.runExport(harness, extra, environment: environment)
        : try CMLWorkspace.runImport(harness, extra, environment: environment)
    }

    /// The calls of a clean run, the preflight's first: (call, step) pairs,
    /// the step empty for preflight calls.
    func cleanCalls() -> [(call: String, step: String)] {
      let harness = try! CMLWorkspace.harness()
      _ = try! run(harness, [], [:])
      return zip(harness.commandCalls, harness.callSteps).map {
        ($0.replacingOccurrences(of: harness.folder.path, with: "$DIR"), $1)
      }
    }
  }

  static let clean: [Phase: [(call: String, step: String)]] = Dictionary(
    uniqueKeysWithValues: Phase.allCases.map { ($0, $0.cleanCalls()) })

  /// The export's calls. The import's are proven against the emulated
  /// workspace and its real database instead (`CMLDatabaseFaultTests`),
  /// where a step run twice shows in the rows it leaves.
  static let everyCase: [(Phase, Int, Form)] = [Phase.export].flatMap { phase in
    clean[phase]!.indices.filter { !clean[phase]![$0].step.isEmpty }.flatMap { index in
      Form.allCases.map { (phase, index, $0) }
    }
  }

  /// Every case under `.ci/run`; each call once, the forms taking turns,
  /// in `swift test` (``FaultSample``).
  static let sample = FaultSample(
    everyCase, call: { "\($0.1)" }, position: { $0.1 }, beforeActing: { $0.2 == .beforeActing })
  static let cases = sample.cases

  @Test func theSampleFailsEveryCallOnceAndBothForms() {
    #expect(Self.sample.turnsFailEveryCallOnceInBothForms)
  }

  /// Whether a call changes something (anything but a read, a wait or a sleep).
  static func changes(_ call: String) -> Bool {
    !["kubectl get ", "kubectl wait ", "sleep ", "tar -tzf "].contains { call.hasPrefix($0) }
  }

  @Test(arguments: cases)
  func aFaultAtAnyCallResumesToTheCleanEnd(phase: Phase, index: Int, form: Form) throws {
    let clean = try #require(Self.clean[phase])
    let steps = phase.steps
    let failing = try #require(steps.first { $0.id == clean[index].step })
    let harness = try CMLWorkspace.harness()
    let failed = try phase.run(harness, [], [form.rawValue: "\(index + 1)"])
    harness.clearCalls()
    if failed.status == 0 {
      // A failed poll of a wait is tried again: the run did not stop.
      #expect(failing.actions.contains { $0.kind == .wait }, "\(failing.id) tolerated a fault")
    } else {
      #expect(failed.status == 1, "\(failed.standardError)")
      let resumed = try phase.run(harness, ["--resume"], [:])
      #expect(resumed.status == 0, "\(resumed.standardError)")
      let rerun = FaultInjectionTests.rerun(after: failing, in: steps)
      let expected = clean.filter { rerun.contains($0.step) }.map(\.call)
      // A step may skip a read whose result an earlier try saved (the job
      // manifest, once its job is deleted, exists only in the saved copy);
      // every call that changes something must happen again as in the clean run.
      #expect(
        harness.stepCalls.map(\.call).filter(Self.changes) == expected.filter(Self.changes),
        "after a fault at call \(index + 1) (\(clean[index].call)): \(failed.standardError)")
    }
    FaultInjectionTests.expectCompletedOnceAfterLastUndo(CMLWorkspace.state(harness), steps: steps)
  }
}
