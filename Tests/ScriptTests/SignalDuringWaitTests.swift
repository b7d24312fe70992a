import Foundation
import Model
import Templates
import TestSupport
import Testing

/// SIGTERM during a wait, a concurrent group or a long command stops the run
/// at once, with the hint to resume, and leaves nothing of the step running
/// (issue 9).
@Suite struct SignalDuringWaitTests {
  /// The processes (other than `except`) whose environment names the
  /// harness's stub folder: what a run left behind.
  static func leftovers(of harness: ScriptHarness) -> [Int32] {
    let marker = "STUB_DIR=\(harness.folder.path)"
    let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return pids.compactMap(Int32.init).filter { pid in
      guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else {
        return false
      }
      return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == marker }
    }
  }

  static func settle(_ harness: ScriptHarness) -> [Int32] {
    for _ in 0..<40 {
      if leftovers(of: harness).isEmpty { return [] }
      usleep(100_000)
    }
    return leftovers(of: harness)
  }

  @Test func sigtermDuringAHungWaitStopsAtOnceAndStopsTheCondition() throws {
    let wait = Step(
      id: "wait-for-it", title: "Wait for it",
      actions: [.wait(WaitCondition("it", until: "tool hang", every: 1, timeout: "600"))])
    let procedure = InjectionTests.procedure([wait])
    let harness = try ScriptHarness(
      script: BashScript.render(procedure, generator: "test"), stubs: ["tool", "sleep"])
    try harness.rule("tool", "hang", status: "hang")
    let run = try harness.start(["--yes"])
    #expect(harness.waitForCall(containing: "tool hang"))
    let signalled = Date()
    run.signalGroup(SIGTERM)
    let result = run.wait()
    #expect(result.status == 143)
    #expect(Date().timeIntervalSince(signalled) < 5)
    #expect(result.standardError.contains("wait-for-it; carry on with: migrate.sh main --resume"))
    #expect(Self.settle(harness) == [])
  }

  @Test func sigtermDuringAGroupStopsEveryMemberAndNamesThem() throws {
    let procedure = InjectionTests.procedure([
      InjectionTests.step("first", "tool hang one", group: "g"),
      InjectionTests.step("second", "tool hang two", group: "g"),
    ])
    let harness = try ScriptHarness(
      script: BashScript.render(procedure, generator: "test"), stubs: ["tool"])
    try harness.rule("tool", "hang *", status: "hang")
    let run = try harness.start(["--yes"])
    #expect(harness.waitForCall(containing: "tool hang one"))
    #expect(harness.waitForCall(containing: "tool hang two"))
    let signalled = Date()
    run.signalGroup(SIGTERM)
    let result = run.wait()
    #expect(result.status == 143)
    #expect(Date().timeIntervalSince(signalled) < 5)
    #expect(result.standardError.contains("during steps first second"))
    #expect(Self.settle(harness) == [])
  }

  /// `kill PID` reaches the script alone, not the command it runs: the
  /// script still stops at once, stops the command, and the step runs again
  /// on --resume.
  @Test func sigtermToTheScriptAloneDuringALongCommandStopsItAtOnce() throws {
    let procedure = InjectionTests.procedure([
      InjectionTests.step("first", "tool first"),
      InjectionTests.step("long", "tool long"),
      InjectionTests.step("last", "tool last"),
    ])
    let harness = try ScriptHarness(
      script: BashScript.render(procedure, generator: "test"), stubs: ["tool"])
    try harness.rule("tool", "long", status: "1@hang")
    let run = try harness.start(["--yes"])
    #expect(harness.waitForCall(containing: "tool long"))
    let signalled = Date()
    run.signal(SIGTERM)
    let result = run.wait()
    #expect(result.status == 143)
    #expect(Date().timeIntervalSince(signalled) < 5)
    #expect(
      result.standardError.contains("during step long; carry on with: migrate.sh main --resume"))
    #expect(Self.settle(harness) == [])
    #expect(!harness.calls.contains("tool last"))
    harness.clearCalls()
    let resumed = try harness.run(["--yes", "--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(harness.commandCalls == ["tool long", "tool last"])
  }
}
