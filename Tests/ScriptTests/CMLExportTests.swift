import Foundation
import TestSupport
import Testing

/// The generated CML export, run with bash against stub tools.
@Suite struct CMLExportTests {
  private func runExport(_ harness: ScriptHarness) throws -> ProcessResult {
    try CMLWorkspace.runExport(harness)
  }

  @Test func exportDumpsArchivesAndRestoresTheRecordedReplicas() throws {
    let harness = try CMLWorkspace.harness()
    let result = try runExport(harness)
    #expect(result.status == 0, "\(result.standardError)")
    let calls = harness.commandCalls
    let cdsw = harness.folder.file("cdsw")
    let archive = harness.folder.file("out.tar.gz")
    #expect(
      calls.contains(
        "kubectl exec db-5d9f -- pg_dump -U sense --exclude-table-data=kerberos --exclude-table-data=kerberos_seq --exclude-table-data=ssh_keys --exclude-table-data=ssh_keys_seq --exclude-table-data=access_keys --exclude-table-data=access_keys_seq"
      ))
    #expect(
      calls.contains(
        "tar --exclude=projects/scratch/\\* -czf \(archive).partial -C \(cdsw) db.sql projects"))
    for deployment in ["web", "feature-flags", "usage-reporter", "model-proxy", "cron"] {
      #expect(calls.contains("kubectl scale deployment \(deployment) --replicas=0"))
      #expect(calls.contains("kubectl scale deployment \(deployment) --replicas=2"))
    }
    // The clients come back before the archive is made, and the dump is gone after it.
    let scaleUp = try #require(calls.firstIndex(of: "kubectl scale deployment web --replicas=2"))
    let tar = try #require(calls.firstIndex(containing: "tar --exclude"))
    #expect(scaleUp < tar)
    #expect(FileManager.default.fileExists(atPath: archive))
    #expect(!FileManager.default.fileExists(atPath: cdsw + "/db.sql"))
    #expect(!FileManager.default.fileExists(atPath: cdsw + "/db.sql.partial"))
  }

  @Test func twoDatabasePodsStopTheExportBeforeTheDump() throws {
    let harness = try CMLWorkspace.harness()
    try harness.rule(
      "kubectl", "get pod", output: "NAME READY\ndb-1 1/1\ndb-2 1/1\n", overriding: true)
    let result = try runExport(harness)
    #expect(result.status == 1)
    #expect(result.standardError.contains("Expected exactly one database pod"))
    #expect(!harness.commandCalls.contains { $0.contains("pg_dump") })
  }
}
