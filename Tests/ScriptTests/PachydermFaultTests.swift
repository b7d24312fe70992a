import Catalog
import Foundation
import Model
import TestSupport
import Testing

/// Every call a step of a clean Pachyderm phase makes (the concurrent
/// backup and bucket clone included), made to fail once in each form
/// (before it acts; after it acted, its response lost), then `--resume`
/// with the same arguments and terminal answers: the emulated clusters,
/// buckets and WORK_DIR end exactly as after the clean run, and every
/// change (a port move, a stop, a restored repo, a scale) was made once
/// (issue 9). A call is named by its line and occurrence, not by its
/// number: xargs -P3 and the concurrent group vary the order of calls.
@Suite struct PachydermFaultTests {
  enum Form: String, CaseIterable, Sendable {
    case before, after
  }

  struct Clean: Sendable {
    /// The steps' calls, the harness folder written as `$DIR`.
    var calls: [(call: String, step: String)]
    var end: [String: String]
  }

  static let clean: [String: Clean] = Dictionary(
    uniqueKeysWithValues: PachydermWorld.phases.map { phase in
      let harness = try! PachydermWorld.ready(for: phase)
      let result = try! PachydermWorld.run(phase, harness)
      precondition(result.status == 0, "clean \(phase): \(result.standardError)")
      return (phase, Clean(calls: harness.stepCalls, end: PachydermWorld.snapshot(harness)))
    })

  /// (phase, index of the call among the steps' calls, form).
  static let everyCase: [(String, Int, Form)] = PachydermWorld.phases.flatMap { phase in
    clean[phase]!.calls.indices.flatMap { index in Form.allCases.map { (phase, index, $0) } }
  }

  /// Every case under `.ci/run`; each call once, the forms taking turns,
  /// in `swift test` (``FaultSample``).
  static let sample = FaultSample(
    everyCase, call: { "\($0.0) \($0.1)" }, position: { $0.1 }, beforeActing: { $0.2 == .before })
  static let cases = sample.cases

  @Test func theSampleFailsEveryCallOnceAndBothForms() {
    #expect(Self.sample.turnsFailEveryCallOnceInBothForms)
  }

  @Test(arguments: cases)
  func aFaultAtAnyCallResumesToTheCleanEnd(phase: String, index: Int, form: Form) throws {
    let clean = try #require(Self.clean[phase])
    let target = clean.calls[index]
    let occurrence = clean.calls[...index].filter { $0.call == target.call }.count
    let harness = try PachydermWorld.ready(for: phase)
    let failed = try PachydermWorld.run(
      phase, harness,
      environment: [
        "STUB_FAIL_CALL": target.call.replacingOccurrences(of: "$DIR", with: harness.folder.path),
        "STUB_FAIL_NTH": "\(occurrence)", "STUB_FAIL_FORM": form.rawValue,
      ])
    let step = try #require(
      Pachyderm.version1.phases.flatMap(\.steps).first { $0.id == target.step })
    let seen = Int((harness.folder.read("fail-seen") ?? "0").trimmingCharacters(in: .newlines))
    #expect((seen ?? 0) >= occurrence, "the fault at \(target.call) was not injected")
    if failed.status == 0 {
      // A failed try of a wait (or its sleep) is tried again.
      #expect(step.actions.contains { $0.kind == .wait }, "\(step.id) tolerated a fault")
    } else {
      #expect(failed.status == 1, "\(failed.standardError)")
      let resumed = try PachydermWorld.run(phase, harness, ["--resume"])
      #expect(resumed.status == 0, "after \(target.call) failed: \(resumed.standardError)")
    }
    let end = PachydermWorld.snapshot(harness)
    #expect(
      end == clean.end,
      "after a fault \(form) \(target.call) (\(target.step)): differs at \(Set(end.keys).union(clean.end.keys).filter { end[$0] != clean.end[$0] }.sorted())"
    )
  }

  /// The figures of the suite: fault points per phase (each injected in
  /// both forms); every phase has calls inside its steps.
  @Test func everyPhaseHasFaultPoints() {
    for phase in PachydermWorld.phases {
      let count = Self.clean[phase]!.calls.count
      print("Pachyderm fault points: \(phase): \(count) calls x \(Form.allCases.count) forms")
      #expect(count > 0)
    }
    // The concurrent group's calls are among them.
    let old = Self.clean["old-cluster"]!.calls.map(\.step)
    #expect(old.contains("extract-backup") && old.contains("clone-bucket"))
  }

  /// A restore cut off after any number of its operations, then resumed,
  /// ends with the new cluster of a clean run: each repo and pipeline
  /// restored once.
  /// The operations of the backup: a repo or a pipeline each.
  static let restoreOperations = PachydermWorld.initial.keys.filter {
    $0.hasPrefix("k8s/east/pachyderm/repos/") || $0.hasPrefix("k8s/east/pachyderm/pipelines/")
  }.count

  @Test(arguments: 0..<restoreOperations)
  func aRestoreCutOffInTheMiddleResumesToTheCleanEnd(operations: Int) throws {
    let clean = try #require(Self.clean["new-cluster"])
    let harness = try PachydermWorld.ready(for: "new-cluster")
    let failed = try PachydermWorld.run(
      "new-cluster", harness, environment: ["EMU_RESTORE_STOP_AFTER": "\(operations)"])
    #expect(failed.status == 1)
    #expect(failed.standardError.contains("partially-restored"))
    let resumed = try PachydermWorld.run("new-cluster", harness, ["--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(PachydermWorld.snapshot(harness) == clean.end)
  }
}
