import Catalog
import Foundation
import Model
import TestSupport
import Testing

/// A cleanup undoes its step and everything completed inside its scope: when
/// a step inside the helper pod's lifetime fails, the pod is deleted, and
/// --resume rebuilds what lived in it instead of failing against an empty
/// pod for ever (issue 9, shape 1).
@Suite struct CleanupScopeTests {
  /// The import's steps from the helper pod's creation to the failing one.
  static func scope(until failing: String) throws -> [String] {
    let ids = CML.version1.orderedSteps.map(\.step.id)
    let start = try #require(ids.firstIndex(of: "create-helper-pod"))
    let end = try #require(ids.firstIndex(of: failing))
    return Array(ids[start..<end])
  }

  @Test(arguments: [
    ("back-up-database-files", "*11.cml-migrate*"), ("copy-project-files", "*chown -R*"),
  ])
  func aFailureInsideTheScopeUndoesEveryStepItBuiltOn(failing: String, glob: String) throws {
    let harness = try CMLWorkspace.harness()
    try harness.rule("kubectl", glob, status: "1@1", overriding: true)
    let failed = try CMLWorkspace.runImport(harness)
    #expect(failed.status == 1)
    let state = CMLWorkspace.state(harness)
    for id in try Self.scope(until: failing) {
      #expect(state.contains { $0.hasPrefix("undone \(id) ") }, "\(id) was not undone")
    }
    harness.clearCalls()
    let resumed = try CMLWorkspace.runImport(harness, ["--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    let calls = harness.commandCalls
    #expect(calls.contains { $0.hasPrefix("kubectl apply -f") && $0.contains("cml-migration-pod") })
    #expect(calls.contains { $0.contains("mlx/cml-migration-pod:/migration/backup.tar.gz") })
  }
}
