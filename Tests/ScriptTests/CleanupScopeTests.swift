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

/// A step whose effect cannot be applied twice checks for it first: the
/// admin's COPY into users took effect, then the step failed; --resume must
/// not COPY again, or every resume fails on the unique username (issue 9,
/// shape 2).
@Suite struct ReRunSafetyTests {
  @Test func anAdminAlreadyCopiedIsNotCopiedAgain() throws {
    let harness = try CMLWorkspace.harness()
    try harness.rule("kubectl", "exec db-0 -n mlx -- rm -f /tmp/users.csv", status: "1@1")
    let failed = try CMLWorkspace.runImport(harness)
    #expect(failed.status == 1)
    #expect(failed.standardError.contains("import-admin-user"))
    #expect(harness.commandCalls.contains { $0.contains("COPY\\ users") })
    harness.clearCalls()
    // Appended, not put first: rules keep their numbers, so the rm rule's
    // "fail on the first call" stays spent.
    try harness.rule("kubectl", "exec -i db-0 -n mlx -- psql -U sense -At *", output: "1\n")
    let resumed = try CMLWorkspace.runImport(harness, ["--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(resumed.standardOutput.contains("already in the users table; not copied again"))
    #expect(!harness.commandCalls.contains { $0.contains("COPY\\ users") })
  }
}
