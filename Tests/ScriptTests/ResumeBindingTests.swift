import Foundation
import Model
import Templates
import TestSupport
import Testing

/// `--resume` carries on a run with the values it was started with: it
/// restores what the operator leaves out, refuses what differs, and keeps
/// secrets only as a digest (issue 9).
@Suite struct ResumeBindingTests {
  static let procedure = InjectionTests.procedure(
    [
      Step(
        id: "pick", title: "Pick the target",
        actions: [.choose(Choice("the target", into: "TARGET", from: "tool candidates"))]),
      InjectionTests.step("use", #"tool use "${SESSION}" "${TARGET}" "${TOKEN}""#),
      InjectionTests.step("finish", "tool finish"),
    ],
    parameters: [
      Parameter("SESSION", "the session", required: true),
      Parameter("TARGET", "the target"),
      Parameter("TOKEN", "a token", secret: true),
    ])

  /// A harness whose first run stops at `use` (its first call fails).
  func stoppedRun(_ arguments: [String]) throws -> ScriptHarness {
    #expect(Self.procedure.validate().filter { $0.severity == .error } == [])
    let harness = try ScriptHarness(
      script: BashScript.render(Self.procedure, generator: "test"), stubs: ["tool"])
    try harness.rule("tool", "candidates", output: "t1\n")
    try harness.rule("tool", "use *", status: "1@1")
    let first = try harness.run(arguments + ["--yes"])
    #expect(first.status == 1, "\(first.standardError)")
    harness.clearCalls()
    return harness
  }

  @Test func leftOutValuesAndChoicesAreRestored() throws {
    let harness = try stoppedRun(["--session", "s 1 $(x)", "--token", "sekrit"])
    let result = try harness.run(["--resume", "--token", "sekrit"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("SESSION restored from the run being resumed."))
    #expect(result.standardOutput.contains("TARGET restored from the run being resumed."))
    #expect(harness.arguments(ofCall: 1) == ["use", "s 1 $(x)", "t1", "sekrit"])
  }

  @Test func aDifferentValueIsRefusedNamingBothValues() throws {
    let harness = try stoppedRun(["--session", "s1", "--token", "sekrit"])
    let result = try harness.run(["--resume", "--session", "s2", "--token", "sekrit"])
    #expect(result.status == 2)
    #expect(result.standardError.contains("SESSION: 's1' in the run being resumed, 's2' now"))
    #expect(harness.calls.isEmpty)
    let forced = try harness.run(["--force-resume", "--session", "s2", "--token", "sekrit"])
    #expect(forced.status == 0, "\(forced.standardError)")
    #expect(harness.arguments(ofCall: 1) == ["use", "s2", "t1", "sekrit"])
    #expect(harness.commandCalls.last == "tool finish")
  }

  @Test func aDifferentSecretOnlyDiffers() throws {
    let harness = try stoppedRun(["--session", "s1", "--token", "sekrit"])
    let result = try harness.run(["--resume", "--token", "other"])
    #expect(result.status == 2)
    #expect(result.standardError.contains("TOKEN: the secret differs from the run being resumed"))
    #expect(!result.standardError.contains("other"))
    #expect(!result.standardError.contains("sekrit"))
    let state = try #require(
      FileManager.default.subpaths(atPath: harness.folder.file("home"))?.first {
        $0.hasSuffix(".state")
      })
    let text = try #require(harness.folder.read("home/\(state)"))
    #expect(text.contains("input TOKEN secret:"))
    #expect(!text.contains("sekrit"))
    var hex = ""
    for byte in "sekrit".utf8 { hex += String(format: "%02x", byte) }
    #expect(!text.contains(hex))
  }

  @Test func otherPhasesAreRefused() throws {
    let two = Procedure(
      id: "two", title: "Two", version: "1.0", summary: "Two phases.",
      phases: ["a", "b"].map { id in
        Phase(
          id: id, title: id, runsOn: "here",
          sections: [
            Section(
              title: "S",
              steps: [
                InjectionTests.step("\(id)-one", "tool \(id)"),
                InjectionTests.step("\(id)-two", "tool \(id) two"),
              ])
          ])
      })
    let harness = try ScriptHarness(
      script: BashScript.render(two, generator: "test"), stubs: ["tool"])
    try harness.rule("tool", "a two", status: "1@1")
    #expect(try harness.run(["a", "--yes"]).status == 1)
    let result = try harness.run(["a", "b", "--resume"])
    #expect(result.status == 2)
    #expect(result.standardError.contains("the phases: a in the run being resumed, a b now"))
  }
}
