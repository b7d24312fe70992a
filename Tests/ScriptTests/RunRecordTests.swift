import Foundation
import TestSupport
import Testing

/// The state file and the log a run leaves, and the rules for starting over.
@Suite struct RunRecordTests {
  @Test func logHoldsTimestampedStepRecordsAndCommandOutput() throws {
    let harness = try CMLWorkspace.harness()
    let result = try CMLWorkspace.runImport(harness)
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("State file: \(harness.folder.file("work/cml.state"))"))
    let log = try #require(harness.folder.read("work/cml.log"))
    let started = try Regex(
      #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} \[8/37\] Check that the workspace has an admin: started \(check-workspace-admin\)"#
    )
    #expect(log.contains(started))
    #expect(log.contains("[8/37] check-workspace-admin: completed"))
    #expect(log.contains("Chose the admin who will own the migrated resources: alice"))
    #expect(log.contains("Done: the selected steps of cml 1.0 completed."))
  }

  @Test func stateAndLogFilesGoWhereTheOptionsSay() throws {
    let harness = try CMLWorkspace.harness()
    let state = harness.folder.file("elsewhere/run.state")
    let log = harness.folder.file("logs/run.log")
    for folder in ["elsewhere", "logs"] {
      try FileManager.default.createDirectory(
        atPath: harness.folder.file(folder), withIntermediateDirectories: true)
    }
    let result = try CMLWorkspace.runImport(harness, ["--state-file", state, "--log-file=\(log)"])
    #expect(result.status == 0)
    #expect(result.standardOutput.contains("State file: \(state)\nLog file: \(log)\n"))
    #expect(
      harness.folder.read("elsewhere/run.state")?.contains("completed start-services ") == true)
    #expect(
      harness.folder.read("logs/run.log")?.contains("[37/37] start-services: completed") == true)
    #expect(harness.folder.read("work/cml.state") == nil)
  }

  @Test func aFailureIsLoggedWithItsStatus() throws {
    let harness = try CMLWorkspace.harness()
    try harness.rule("tar", "-tzf *", output: "db.sql\nnotes.txt\n", overriding: true)
    let result = try CMLWorkspace.runImport(harness)
    #expect(result.status == 1)
    let log = try #require(harness.folder.read("work/cml.log"))
    #expect(log.contains("[9/37] check-archive: failed with exit status 1"))
    // What went to standard error is in the log too.
    #expect(log.contains("migrate.sh: The archive must hold exactly db.sql and projects/"))
    #expect(log.contains("    notes.txt"))
  }

  @Test func aPlainRunAfterAnUnfinishedOneIsRefusedAndRestartStartsOver() throws {
    let harness = try CMLWorkspace.harness()
    _ = try CMLWorkspace.runImport(harness, environment: ["STUB_FAIL_AT": "12"])
    harness.clearCalls()
    let plain = try CMLWorkspace.runImport(harness)
    #expect(plain.status == 2)
    #expect(plain.standardError.contains("an earlier run stopped before it finished"))
    #expect(plain.standardError.contains("carry on with --resume, or start over with --restart"))
    #expect(harness.calls.isEmpty)
    let restart = try CMLWorkspace.runImport(harness, ["--restart"])
    #expect(restart.status == 0)
    #expect(harness.stepCalls.first?.step == "check-workspace-admin")
  }

  @Test func resumingWithAScriptFromAnotherModelIsRefusedUnlessForced() throws {
    let harness = try CMLWorkspace.harness()
    _ = try CMLWorkspace.runImport(harness, environment: ["STUB_FAIL_AT": "12"])
    let state = try #require(harness.folder.read("work/cml.state"))
    let edited = state.replacingOccurrences(
      of: #"(?m)^model \S+"#, with: "model 0123456789abcdef", options: .regularExpression)
    try harness.folder.write(edited, to: "work/cml.state")
    harness.clearCalls()
    let refused = try CMLWorkspace.runImport(harness, ["--resume"])
    #expect(refused.status == 2)
    #expect(
      refused.standardError.contains(
        "written by a script generated from another model (0123456789abcdef"))
    #expect(harness.calls.isEmpty)
    let forced = try CMLWorkspace.runImport(harness, ["--force-resume"])
    #expect(forced.status == 0, "\(forced.standardError)")
    #expect(!harness.stepCalls.map(\.step).contains("check-workspace-admin"))
  }

  @Test func aSecretNeverAppearsInAnythingTheScriptWrites() throws {
    let harness = try ScriptHarness(script: SampleProcedure.script, stubs: ["tool", "sleep"])
    try harness.rule("tool", "status *", output: "ready\n")
    let secret = "s3cr3t-Value-\u{2603}"
    let dryRun = try harness.run(["--dry-run", "--target", "t", "--token", secret])
    let run = try harness.run(["--yes", "--target", "t"], environment: ["TOKEN": secret])
    #expect(run.status == 0, "\(run.standardError)")
    var written = [
      dryRun.standardOutput, dryRun.standardError, run.standardOutput, run.standardError,
    ]
    let stateFolder = harness.folder.file("home/.gen-migration/sample")
    for name in try FileManager.default.contentsOfDirectory(atPath: stateFolder) {
      written.append(try String(contentsOfFile: stateFolder + "/" + name, encoding: .utf8))
    }
    // The state file, the log and the run record, besides the four streams.
    #expect(written.count == 7)
    for text in written { #expect(!text.contains(secret)) }
    #expect(harness.commandCalls.first?.contains("--token") == true)
  }

  @Test func aRetriedStepLogsEachTry() throws {
    let harness = try ScriptHarness(script: SampleProcedure.script, stubs: ["tool", "sleep"])
    try harness.rule("tool", "greet *", status: "1@1", output: "greet: busy\n")
    try harness.rule("tool", "status *", output: "ready\n")
    let result = try harness.run(["--yes", "--target", "t"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.commandCalls.filter { $0.hasPrefix("tool greet") }.count == 2)
    #expect(harness.commandCalls.contains("sleep 2"))
    let log = try #require(harness.folder.read("home/.gen-migration/sample/sample.log"))
    #expect(log.contains("try 1 of 3 failed with exit status 1; trying again in 2s"))
  }
}
