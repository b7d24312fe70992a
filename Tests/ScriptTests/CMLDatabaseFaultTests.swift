import Catalog
import Foundation
import Model
import TestSupport
import Testing

/// Every kubectl, tar and sleep call of a clean CML import, against the
/// emulated workspace and its real PostgreSQL database, made to fail once
/// in each form (before it acts; after it acted, its response lost), then
/// `--resume`: the database holds exactly what a clean import leaves, row
/// for row, the cluster's files and the saved files are the clean run's,
/// and every step ends completed once after its last undo (issue 9).
@Suite struct CMLDatabaseFaultTests {
  typealias Form = EveryCommandFaultTests.Form

  /// What a clean import leaves: its calls (with the step making each) and
  /// the end state.
  struct CleanImport: Sendable {
    var calls: [(call: String, step: String)]
    var database: String
    var cluster: String
  }

  static let clean: CleanImport = {
    let workspace = try! CMLEmulatedWorkspace()
    defer { workspace.remove() }
    let result = try! workspace.runImport()
    precondition(result.status == 0, result.standardError)
    let harness = workspace.harness
    return CleanImport(
      calls: zip(harness.commandCalls, harness.callSteps).map { ($0, $1) },
      database: try! workspace.databaseContents(),
      cluster: Self.normalized(workspace))
  }()

  /// The cluster's contents with the test's own folder and its database
  /// name taken out.
  static func normalized(_ workspace: CMLEmulatedWorkspace) -> String {
    workspace.clusterContents().replacingOccurrences(
      of: workspace.harness.folder.path, with: "$DIR")
  }

  /// The lines only one of two texts has, for a failure's message.
  static func difference(_ actual: String, _ expected: String) -> String {
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let extra = actualLines.filter { !expectedLines.contains($0) }.map { "+ \($0)" }
    let missing = expectedLines.filter { !actualLines.contains($0) }.map { "- \($0)" }
    return (missing + extra).joined(separator: "\n")
  }

  /// Every call a step makes, in both forms.
  static let everyCase: [(Int, Form)] = clean.calls.indices.filter {
    !clean.calls[$0].step.isEmpty
  }
  .flatMap { index in Form.allCases.map { (index, $0) } }

  /// Every case under `.ci/run`; each call once, the forms taking turns,
  /// in `swift test` (``FaultSample``).
  static let sample = FaultSample(
    everyCase, call: { "\($0.0)" }, position: { $0.0 }, beforeActing: { $0.1 == .beforeActing })
  static let cases = sample.cases

  @Test func theSampleFailsEveryCallOnceAndBothForms() {
    #expect(Self.sample.turnsFailEveryCallOnceInBothForms)
  }

  @Test(arguments: cases)
  func aFaultAtAnyCallResumesToTheCleanDatabase(index: Int, form: Form) throws {
    let clean = Self.clean
    let steps = FaultInjectionTests.importSteps
    let failing = try #require(steps.first { $0.id == clean.calls[index].step })
    let workspace = try CMLEmulatedWorkspace()
    defer { workspace.remove() }
    let failed = try workspace.runImport([], environment: [form.rawValue: "\(index + 1)"])
    let context = "fault at call \(index + 1) (\(clean.calls[index].call), \(form))"
    if failed.status == 0 {
      // A failed poll of a wait is tried again: the run did not stop.
      #expect(failing.actions.contains { $0.kind == .wait }, "\(failing.id) tolerated a \(context)")
    } else {
      #expect(failed.status == 1, "\(context): \(failed.standardError)")
      let resumed = try workspace.runImport(["--resume"])
      #expect(resumed.status == 0, "\(context): \(resumed.standardError)")
    }
    let database = try workspace.databaseContents()
    #expect(database == clean.database, "\(context): \(Self.difference(database, clean.database))")
    let cluster = Self.normalized(workspace)
    #expect(cluster == clean.cluster, "\(context): \(Self.difference(cluster, clean.cluster))")
    FaultInjectionTests.expectCompletedOnceAfterLastUndo(
      CMLWorkspace.state(workspace.harness), steps: steps)
  }
}
