import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Runs stopped in the middle of a step by SIGKILL (a crash) or SIGINT
/// (Ctrl-C), then resumed.
@Suite struct InterruptTests {
  /// A workspace whose first `chown` (in copy-project-files) hangs.
  private func hangingHarness() throws -> ScriptHarness {
    let harness = try CMLWorkspace.harness()
    try harness.rule(
      "kubectl", "exec cml-migration-pod * chown *", status: "1@hang", overriding: true)
    return harness
  }

  private func importArguments(_ harness: ScriptHarness) -> [String] {
    ["import", "--yes", "--work-dir", harness.folder.file("work")]
  }

  @Test func killedStepRunsAgainOnResumeAndEarlierStepsDoNot() throws {
    let harness = try hangingHarness()
    let run = try harness.start(importArguments(harness))
    #expect(harness.waitForCall(containing: "chown -R 8536:8536"))
    run.signalGroup(SIGKILL)
    _ = run.wait()
    let state = CMLWorkspace.state(harness)
    // Whole lines only, each a known record.
    #expect(state.allSatisfy { $0.split(separator: " ").count >= 2 })
    #expect(state.contains { $0.hasPrefix("completed copy-archive-to-helper-pod ") })
    #expect(!state.contains { $0.hasPrefix("completed copy-project-files ") })
    #expect(harness.folder.read("work/cml.state.lock") != nil)

    harness.clearCalls()
    let resumed = try harness.run(importArguments(harness) + ["--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(resumed.standardError.contains("taking over the lock"))
    let steps = harness.stepCalls.map(\.step)
    #expect(steps.first == "copy-project-files")
    #expect(!steps.contains("copy-archive-to-helper-pod"))
    #expect(!steps.contains("create-helper-pod"))
    #expect(harness.commandCalls.contains { $0.contains("chown -R 8536:8536") })
    #expect(harness.folder.read("work/cml.state.lock") == nil)
  }

  @Test func ctrlCStopsTheRunRunsCleanupAndResumeWorks() throws {
    let harness = try hangingHarness()
    let run = try harness.start(importArguments(harness))
    #expect(harness.waitForCall(containing: "chown -R 8536:8536"))
    run.signalGroup(SIGINT)
    let result = run.wait()
    #expect(result.status == 130)
    #expect(result.standardError.contains("interrupted by SIGINT during step copy-project-files"))
    #expect(result.standardError.contains("carry on with: migrate.sh import --resume"))
    let calls = harness.commandCalls
    let chown = try #require(calls.firstIndex(containing: "chown -R 8536:8536"))
    #expect(
      calls[(chown + 1)...].contains(
        "kubectl delete pod cml-migration-pod -n mlx --ignore-not-found"))
    let state = CMLWorkspace.state(harness)
    #expect(state.contains { $0.hasPrefix("undone create-helper-pod ") })
    #expect(state.last?.hasPrefix("run-stopped status=130 ") == true)

    harness.clearCalls()
    let resumed = try harness.run(importArguments(harness) + ["--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    // The helper pod was deleted by the cleanup, so it is created again, and
    // the archive extracted into it is copied in again (it went with the pod).
    #expect(harness.stepCalls.first?.step == "create-helper-pod")
    #expect(harness.stepCalls.map(\.step).contains("copy-archive-to-helper-pod"))
    #expect(harness.stepCalls.map(\.step).contains("copy-project-files"))
  }

  @Test func aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws {
    let harness = try hangingHarness()
    let first = try harness.start(importArguments(harness))
    #expect(harness.waitForCall(containing: "chown -R 8536:8536"))
    let second = try harness.run(importArguments(harness) + ["--resume"])
    #expect(second.status == 5)
    #expect(
      second.standardError.contains(
        "another run holds the lock \(harness.folder.file("work/cml.state.lock")): process \(first.pid)"
      ))
    first.signalGroup(SIGTERM)
    let firstResult = first.wait()
    #expect(firstResult.status == 143)
  }

  @Test func aLockLeftByADeadProcessIsTakenOver() throws {
    let harness = try CMLWorkspace.harness()
    let host = try ProcessRunner.run(ProcessRunner.bash, ["-c", "printf %s \"$HOSTNAME\""])
      .standardOutput
    try harness.folder.write("2147483000 \(host)\n", to: "work/cml.state.lock")
    let result = try CMLWorkspace.runImport(harness)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("from process 2147483000, which is no longer running"))
  }
}
