import Foundation
import Model
import Templates
import TestSupport
import Testing

/// Phase prerequisites: a phase that requires another runs only after it
/// completed, in this run or as the record an earlier run left, with the
/// same values of the parameters both use; running a phase again makes the
/// records of the phases after it stale.
@Suite struct PhasePrerequisiteTests {
  static let procedure = Procedure(
    id: "chain", title: "Chain", version: "1.0", summary: "Three phases in order.",
    stateDirectory: "${WORK_DIR}",
    parameters: {
      Parameter("TARGET", "The target.", required: true)
      Parameter("NOTE", "A note for the build.", default: "n", phases: ["build"])
      Parameter("TOKEN", "A token.", secret: true)
      Parameter("WORK_DIR", "Where records are kept.", required: true)
    },
    phases: {
      Phase(id: "build", title: "Build", runsOn: "any machine") {
        Section("Build") {
          Step("make", "Make it") { ShellCommand(#"tool make "${TARGET}" "${NOTE}" "${TOKEN}""#) }
          Step("seal", "Seal it") { ShellCommand(#"tool seal "${TARGET}""#) }
        }
      }
      Phase(
        id: "check", title: "Check", runsOn: "any machine",
        requires: [PhasePrerequisite("build", sameValues: ["TARGET"])]
      ) {
        Section("Check") {
          Step("inspect", "Inspect it") { ShellCommand(#"tool inspect "${TARGET}""#) }
        }
      }
      Phase(
        id: "retire", title: "Retire", runsOn: "any machine", requires: [PhasePrerequisite("check")]
      ) {
        Section("Retire") {
          Step("drop", "Drop the old one") { ShellCommand(#"tool drop "${TARGET}""#) }
        }
      }
    })

  static var script: String { BashScript.render(procedure, generator: Outputs.generator) }

  /// Where the record of `phase` is kept in `harness`.
  static func record(_ phase: String, in harness: ScriptHarness) -> String {
    harness.folder.file("work/chain.\(phase).done")
  }

  private func harness() throws -> ScriptHarness {
    try ScriptHarness(script: Self.script, stubs: ["tool"])
  }

  private func run(
    _ harness: ScriptHarness, _ phases: [String], target: String = "t", extra: [String] = []
  ) throws -> ProcessResult {
    try harness.run(
      phases + ["--target", target, "--work-dir", harness.folder.file("work"), "--yes"] + extra,
      environment: ["TOKEN": "hunter2"])
  }

  @Test func aPhaseWhosePrerequisiteNeverRanIsRefusedBeforeAnyStep() throws {
    let harness = try harness()
    let result = try run(harness, ["check"])
    #expect(result.status == 3)
    #expect(
      result.standardError.contains(
        "phase check runs only after phase build completed, and \(Self.record("build", in: harness)) records no completed run of it"
      ))
    #expect(harness.calls.isEmpty)
  }

  @Test func phasesRunOneAfterAnotherAcrossRuns() throws {
    let harness = try harness()
    #expect(try run(harness, ["build"]).status == 0)
    let record = try #require(harness.folder.read("work/chain.build.done"))
    #expect(record.hasPrefix("phase build\ninput TARGET value:74\ninput NOTE value:6e\n"))
    #expect(!record.contains("TOKEN"), "a secret is never recorded")
    let check = try run(harness, ["check"])
    #expect(check.status == 0, "\(check.standardError)")
    #expect(check.standardOutput.contains("ok: phase build completed with the same values"))
    #expect(try run(harness, ["retire"]).status == 0)
    #expect(harness.commandCalls.last == "tool drop t")
  }

  @Test func aPrerequisiteCompletedWithOtherValuesIsRefused() throws {
    let harness = try harness()
    #expect(try run(harness, ["build"], target: "a").status == 0)
    harness.clearCalls()
    let result = try run(harness, ["check"], target: "b")
    #expect(result.status == 3)
    #expect(result.standardError.contains("TARGET: 'a' when phase build completed, 'b' now"))
    #expect(!result.standardError.contains("NOTE"), "NOTE is not a parameter of check")
    #expect(harness.calls.isEmpty)
  }

  @Test func phasesSelectedTogetherNeedNoRecord() throws {
    let harness = try harness()
    let result = try run(harness, ["build", "check", "retire"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("ok: phase build runs before phase check in this run"))
    #expect(harness.commandCalls.count == Self.procedure.orderedSteps.count)
  }

  @Test func runningAPhaseAgainMakesTheRecordsAfterItStale() throws {
    let harness = try harness()
    #expect(try run(harness, ["build"]).status == 0)
    #expect(try run(harness, ["check"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: Self.record("check", in: harness)))
    try harness.rule("tool", "seal *", status: "1", output: "")
    #expect(try run(harness, ["build", "--restart"]).status == 1)
    #expect(!FileManager.default.fileExists(atPath: Self.record("build", in: harness)))
    #expect(!FileManager.default.fileExists(atPath: Self.record("check", in: harness)))
    // --restart: the failed build's state is unfinished, which a run of
    // another phase refuses (exit 2) before it gets to the prerequisites.
    let retire = try run(harness, ["retire"], extra: ["--restart"])
    #expect(retire.status == 3)
    #expect(retire.standardError.contains("phase retire runs only after phase check completed"))
  }

  @Test func aPhaseThatFailedLeavesNoRecordUntilItsResumeCompletes() throws {
    let harness = try harness()
    let seal = Self.procedure.phases[0].steps.firstIndex { $0.id == "seal" }!
    let failed = try harness.run(
      ["build", "--target", "t", "--work-dir", harness.folder.file("work"), "--yes"],
      environment: ["TOKEN": "hunter2", "STUB_FAIL_AT": String(seal + 1)])
    #expect(failed.status == 1)
    #expect(!FileManager.default.fileExists(atPath: Self.record("build", in: harness)))
    let check = try run(harness, ["check"])
    #expect(check.status == 2, "the failed build's run is unfinished: \(check.standardError)")
    #expect(try run(harness, ["build"], extra: ["--resume"]).status == 0)
    #expect(FileManager.default.fileExists(atPath: Self.record("build", in: harness)))
    #expect(try run(harness, ["check"]).status == 0)
  }

  /// The state file elsewhere: the record's folder is made for it.
  @Test func theRecordsFolderIsMadeWhenTheStateFileLivesElsewhere() throws {
    let harness = try harness()
    try harness.folder.write("", to: "elsewhere/.keep")
    let result = try run(
      harness, ["build"],
      extra: [
        "--state-file", harness.folder.file("elsewhere/chain.state"), "--log-file",
        harness.folder.file("elsewhere/chain.log"),
      ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(FileManager.default.fileExists(atPath: Self.record("build", in: harness)))
  }

  @Test func aRecordThatCannotBeWrittenIsAWarningNotAFailedRun() throws {
    let harness = try harness()
    try harness.folder.write("", to: "elsewhere/.keep")
    try harness.folder.write("a file where the folder should be\n", to: "work")
    let result = try run(
      harness, ["build"],
      extra: [
        "--state-file", harness.folder.file("elsewhere/chain.state"), "--log-file",
        harness.folder.file("elsewhere/chain.log"),
      ])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.contains("its record"))
    #expect(result.standardError.contains("could not be written"))
  }

  @Test func theRunbookSaysWhatEachPhaseRunsAfter() {
    // Prose is wrapped: read the paragraph's lines joined, as markdown does.
    let runbook = Runbook.render(Self.procedure, generator: Outputs.generator)
      .replacingOccurrences(of: "\n", with: " ")
    #expect(
      runbook.contains(
        "Run this phase only after the `build` phase completed, with the same `TARGET`. The script checks it: that phase leaves a record of its completion in `${WORK_DIR}/chain.build.done`."
      ))
  }

  @Test(arguments: [
    ("check", ["retire"], "requires phase 'retire', which does not come before it"),
    ("check", ["check"], "requires phase 'check', which does not come before it"),
    ("check", ["nope"], "requires phase 'nope', which does not exist"),
  ])
  func aPrerequisiteThatIsNotAnEarlierPhaseIsAnError(
    phase: String, requires: [String], message: String
  ) {
    var procedure = Self.procedure
    let index = procedure.phases.firstIndex { $0.id == phase }!
    procedure.phases[index].requires = requires.map { PhasePrerequisite($0) }
    let found: [Diagnostic] = procedure.validate()
    let messages = found.filter { $0.rule == "invalid-phase-prerequisite" }.map(\.message)
    #expect(messages == ["phase '\(phase)' \(message)"])
  }

  @Test func aSameValueThatIsNotAParameterOfBothIsAnError() {
    var procedure = Self.procedure
    procedure.phases[1].requires = [PhasePrerequisite("build", sameValues: ["NOTE", "TOKEN"])]
    let messages = procedure.validate().filter { $0.rule == "invalid-phase-prerequisite" }
      .map(\.message)
    #expect(
      messages
        == ["NOTE", "TOKEN"].map {
          "phase 'check' requires the same \($0) as phase 'build', but \($0) is not a non-secret parameter of both"
        })
  }

  @Test func aProcedureWithoutPrerequisitesKeepsNoRecords() {
    #expect(!SampleProcedure.script.contains("record_phase "))
    #expect(Self.script.contains("record_phase "))
  }
}
