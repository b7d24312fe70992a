import Foundation
import TestSupport
import Testing

/// The generated CML import, run with bash against stub tools.
@Suite struct CMLImportTests {
  @Test func importRunsEveryStepAndScalesEverythingBackUp() throws {
    let harness = try CMLWorkspace.harness()
    let result = try CMLWorkspace.runImport(harness)
    #expect(result.status == 0, "\(result.standardError)")
    let calls = harness.commandCalls
    for deployment in ["web", "feature-flags", "usage-reporter", "model-proxy", "cron", "metering"]
    {
      #expect(calls.contains("kubectl scale deployment -n mlx \(deployment) --replicas=0"))
      // Back up at the count recorded before the scale-down (the stub says 2).
      #expect(calls.contains("kubectl scale deployment -n mlx \(deployment) --replicas=2"))
    }
    #expect(calls.contains("kubectl scale statefulset -n mlx db --replicas=0"))
    #expect(calls.contains("kubectl scale statefulset -n mlx db --replicas=1"))
    #expect(result.standardOutput.contains("[37/37] Scale the workspace's services back up"))
  }

  @Test func adminAndArchiveAreCheckedBeforeAnythingIsScaledDown() throws {
    let harness = try CMLWorkspace.harness()
    _ = try CMLWorkspace.runImport(harness)
    let calls = harness.commandCalls
    let adminCheck = try #require(calls.firstIndex(containing: #"users\ WHERE\ admin\ =\ TRUE"#))
    let archiveCheck = try #require(calls.firstIndex(containing: "tar -tzf"))
    let firstScale = try #require(calls.firstIndex(containing: "kubectl scale"))
    #expect(adminCheck < firstScale)
    #expect(archiveCheck < firstScale)
  }

  @Test func workspaceWithoutAdminStopsBeforeAnyChange() throws {
    let harness = try CMLWorkspace.harness(admins: [])
    let result = try CMLWorkspace.runImport(harness)
    #expect(result.status == 1)
    #expect(result.standardError.contains("No admin has logged in to the workspace yet"))
    #expect(result.standardError.contains("check-workspace-admin"))
    #expect(!harness.commandCalls.contains { $0.contains("kubectl scale") })
  }

  @Test func archiveWithOtherContentsStopsBeforeAnyChange() throws {
    let harness = try CMLWorkspace.harness()
    try harness.rule("tar", "-tzf *", output: "db.sql\nprojects/\nnotes.txt\n", overriding: true)
    let result = try CMLWorkspace.runImport(harness)
    #expect(result.status == 1)
    #expect(result.standardError.contains("must hold exactly db.sql and projects/"))
    #expect(result.standardError.contains("check-archive"))
    #expect(!harness.commandCalls.contains { $0.contains("kubectl scale") })
  }

  @Test func everyScaleApplyAndDeleteIsFollowedByAWait() throws {
    let harness = try CMLWorkspace.harness()
    _ = try CMLWorkspace.runImport(harness)
    let calls = harness.commandCalls
    let changes = calls.indices.filter {
      calls[$0].hasPrefix("kubectl scale statefulset") || calls[$0].hasPrefix("kubectl apply")
        || calls[$0].hasPrefix("kubectl delete pod") && !calls[$0].contains("cleanup")
    }
    #expect(changes.count >= 6)
    for index in changes where index + 1 < calls.count {
      let next = calls[index + 1]
      #expect(
        next.hasPrefix("kubectl wait") || next.hasPrefix("kubectl get pod"),
        "no wait after: \(calls[index])")
    }
  }

  /// The timeout is wall clock from the start of the wait, not the sum of
  /// the sleeps between tries (the stub sleep returns at once here).
  @Test func waitThatNeverSucceedsTimesOutWithAClearMessage() throws {
    let harness = try CMLWorkspace.harness()
    try harness.rule("kubectl", "get pods *", output: "pod/web-abc\n", overriding: true)
    let started = Date()
    let result = try CMLWorkspace.runImport(harness, ["--wait-timeout", "2"])
    let elapsed = Date().timeIntervalSince(started)
    #expect(result.status == 6)  // the status of a wait that timed out
    #expect(result.standardError.contains("timed out after 2s waiting for the pods of web"))
    #expect(result.standardError.contains("stop-database-clients"))
    #expect(elapsed >= 1 && elapsed < 10, "\(elapsed)")
    #expect(harness.commandCalls.filter { $0.hasPrefix("sleep ") }.count >= 2)
  }

  /// A condition that never returns is stopped at the deadline.
  @Test func aHungWaitConditionIsStoppedAtTheDeadline() throws {
    let harness = try CMLWorkspace.harness()
    try harness.rule("kubectl", "get pods *", status: "hang", overriding: true)
    let started = Date()
    let result = try CMLWorkspace.runImport(harness, ["--wait-timeout", "2"])
    #expect(result.status == 6)  // the status of a wait that timed out
    #expect(result.standardError.contains("timed out after"))
    #expect(Date().timeIntervalSince(started) < 20)
  }

  @Test func existingProjectFilesStopTheImport() throws {
    // A workspace whose projects volume already holds a project of its own.
    let workspace = try CMLEmulatedWorkspace()
    defer { workspace.remove() }
    try workspace.harness.folder.write(
      "print('old')\n", to: "cluster/pods/helper/migration/projects/projects/old/a.py")
    let result = try workspace.runImport()
    #expect(result.status == 1)
    #expect(result.standardError.contains("Project files already exist"))
    #expect(result.standardError.contains("projects/projects/old/a.py"))
    #expect(
      !workspace.harness.commandCalls.contains { $0.hasPrefix("kubectl cp \(workspace.archive)") })
    // The helper pod is still deleted on the way out.
    #expect(
      workspace.harness.commandCalls.last
        == "kubectl delete pod cml-migration-pod -n \(CMLEmulatedWorkspace.namespace) --ignore-not-found"
    )
    #expect(!FileManager.default.fileExists(atPath: workspace.cluster + "/helper.exists"))
  }

  @Test func sqlRunsThroughPsqlThatStopsOnTheFirstError() throws {
    let harness = try CMLWorkspace.harness()
    _ = try CMLWorkspace.runImport(harness)
    let calls = harness.calls
    let sqlCalls = calls.indices.filter { calls[$0].hasPrefix("kubectl exec -i db-0") }
    // Nine SQL scripts, and the checks whether the admin and the engine image
    // are already imported.
    #expect(sqlCalls.count == 11)
    for index in sqlCalls { #expect(calls[index].contains("-v ON_ERROR_STOP=1")) }
    #expect(
      calls.contains(
        "  | UPDATE projects SET slug = slug || '-cdsw-user-' || user_id WHERE slug IN (SELECT slug FROM projects GROUP BY slug HAVING COUNT(*) > 1);"
      ))
    #expect(!calls.contains { $0.hasPrefix("  | ") && $0.hasSuffix("\\") })
  }

  @Test func usersAboutToBeDeletedAreShownBeforeTheDelete() throws {
    let harness = try CMLWorkspace.harness()
    _ = try CMLWorkspace.runImport(harness)
    let calls = harness.calls
    let list = try #require(
      calls.firstIndex(of: "  | SELECT * FROM users WHERE id != (SELECT MAX(id) FROM users);"))
    let delete = try #require(
      calls.firstIndex(of: "  | DELETE FROM users WHERE id != (SELECT MAX(id) FROM users);"))
    #expect(list < delete)
  }

  @Test func deletingUsersNeedsAnExplicitYes() throws {
    let harness = try CMLWorkspace.harness()
    // Answer yes to the confirmations before it, then no.
    let result = try harness.run(
      ["import", "--work-dir", harness.folder.file("work")], input: "yes\nyes\nyes\nyes\nno\n")
    #expect(result.status == 4)
    #expect(result.standardOutput.contains("This step destroys every user except the admin"))
    #expect(result.standardError.contains("declined: step delete-previous-users did not run"))
    #expect(!harness.calls.contains { $0.contains("DELETE FROM users") })
  }

  @Test func helperPodIsDeletedOnExitAfterAFailure() throws {
    let harness = try CMLWorkspace.harness()
    try harness.rule(
      "kubectl", "exec cml-migration-pod * chown *", status: "1",
      output: "chown: permission denied\n",
      overriding: true)
    let result = try CMLWorkspace.runImport(harness)
    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "step 19/37 copy-project-files (Copy the project files, owned by the cdsw user) failed with exit status 1"
      ))
    #expect(result.standardError.contains("carry on from that step: migrate.sh import --resume"))
    let calls = harness.commandCalls
    let failed = try #require(calls.firstIndex(containing: "chown -R 8536:8536"))
    #expect(
      calls[(failed + 1)...].contains(
        "kubectl delete pod cml-migration-pod -n mlx --ignore-not-found"))
    #expect(!calls.contains { $0.contains("kubectl scale statefulset -n mlx db --replicas=1") })
  }

  @Test func theDatabasePasswordIsNeverExpandedOrPrinted() throws {
    let harness = try CMLWorkspace.harness()
    let result = try harness.run(
      ["import", "--yes", "--work-dir", harness.folder.file("work")],
      environment: ["POSTGRES_PASSWORD": "hunter2-local"])
    #expect(result.status == 0)
    let log = harness.folder.read("calls.log") ?? ""
    #expect(!log.contains("hunter2-local"))
    #expect(!result.standardOutput.contains("hunter2-local"))
    #expect(log.contains(#"\$\{POSTGRES_PASSWORD\}"#))
  }
}
