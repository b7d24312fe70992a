import Catalog
import Model
import TestSupport
import Testing

/// Every call of a clean AtlasDB run (setup, migrate, validate), made to
/// fail once in each form (before it acts; after it acted, its response
/// lost), then `--resume` (issue 9): the run finishes, both emulated stores
/// end as after the clean run, every step ends completed once after its last
/// undo, and the steps before the failed one do not run again (setup, which
/// would reset the migration, least of all).
@Suite struct AtlasDBFaultTests {
  enum Form: String, CaseIterable, Sendable {
    case beforeActing = "STUB_FAIL_AT"
    case afterActing = "STUB_FAIL_AFTER"
  }

  private typealias Stores = AtlasDBStores
  static let steps = AtlasDB.version1.phases.flatMap(\.steps)

  struct Clean: Sendable {
    var calls: [(call: String, step: String)]
    var stores: [String: String]
  }

  static let clean: Clean = {
    let harness = try! Stores.harness()
    let result = try! harness.run(Stores.arguments(harness, Stores.unattended))
    precondition(result.status == 0, result.standardError)
    return Clean(calls: harness.stepCalls, stores: Stores.stores(harness))
  }()

  /// The phase of the step of each call.
  static func phase(of step: String) -> String {
    AtlasDB.version1.phases.first { $0.steps.contains { $0.id == step } }!.id
  }

  static let cases: [(Int, Form)] = clean.calls.indices.flatMap { index in
    Form.allCases.map { (index, $0) }
  }

  @Test func everyPhaseHasFaultPoints() {
    let phases = Set(Self.clean.calls.map { Self.phase(of: $0.step) })
    #expect(phases == Set(AtlasDB.version1.phases.map(\.id)))
    #expect(Self.clean.stores["target/tables/users"] == "1=alice\n2=bob\n3=carol\n")
  }

  @Test(arguments: cases)
  func aFaultAtAnyCallResumesToTheCleanEnd(index: Int, form: Form) throws {
    let clean = Self.clean
    let harness = try Stores.harness()
    let failed = try harness.run(
      Stores.arguments(harness, Stores.unattended), environment: [form.rawValue: "\(index + 1)"])
    #expect(failed.status == 1, "\(failed.standardError)")
    let failing = clean.calls[index].step
    #expect(failed.standardError.contains("\(failing) ("), "\(failed.standardError)")
    harness.clearCalls()
    let resumed = try harness.run(Stores.arguments(harness, Stores.unattended + ["--resume"]))
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(Stores.stores(harness) == clean.stores, "after a fault at \(clean.calls[index].call)")
    // The resume runs the failed step and those after it, each as in the
    // clean run, and nothing before it.
    let from = try #require(Self.steps.firstIndex { $0.id == failing })
    let rerun = Set(Self.steps[from...].map(\.id))
    #expect(
      harness.stepCalls.map(\.call) == clean.calls.filter { rerun.contains($0.step) }.map(\.call))
    FaultInjectionTests.expectCompletedOnceAfterLastUndo(Stores.state(harness), steps: Self.steps)
  }

  /// A migrate that fails part way (its checkpoint holds the cells copied so
  /// far), then `--resume`: each cell is written once, the stores end clean.
  @Test(arguments: 0..<6)
  func aMigrateThatStopsAfterAnyCellResumesFromItsCheckpoint(cells: Int) throws {
    let harness = try Stores.harness()
    let failed = try harness.run(
      Stores.arguments(harness, Stores.unattended),
      environment: ["ATLAS_FAIL_AFTER_CELLS": "\(cells)"])
    #expect(failed.status == 1)
    let resumed = try harness.run(Stores.arguments(harness, Stores.unattended + ["--resume"]))
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(Stores.stores(harness) == Self.clean.stores)
    let writes = Stores.writes(harness)
    #expect(writes.count == 6 && Set(writes).count == 6, "\(writes)")
  }
}
