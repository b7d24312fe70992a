import Catalog
import Model
import TestSupport
import Testing

/// For every step k, make step k's first command fail once, then `--resume`:
/// no step before k runs again (but a step whose effect a cleanup undid),
/// the resumed calls are exactly the clean run's calls of the steps that had
/// to run, and every step ends up completed once after its last undo.
@Suite struct FaultInjectionTests {
  struct CleanRun: Sendable {
    var calls: [String]
    var steps: [String]
    init(_ harness: ScriptHarness) {
      calls = harness.stepCalls.map(\.call)
      steps = harness.stepCalls.map(\.step)
    }
  }

  static let importSteps = CML.version1.phases[1].steps
  static let exportSteps = CML.version1.phases[0].steps

  static let cleanImport: CleanRun = {
    let harness = try! CMLWorkspace.harness()
    _ = try! CMLWorkspace.runImport(harness)
    return CleanRun(harness)
  }()

  static let cleanExport: CleanRun = {
    let harness = try! CMLWorkspace.harness()
    _ = try! CMLWorkspace.runExport(harness)
    return CleanRun(harness)
  }()

  /// The steps a resume after a failure in `failed` runs: that one and every
  /// later one, plus, for a cleanup that was in effect, its owner and every
  /// step completed inside its scope (the cleanup undid what they built).
  static func rerun(after failed: Step, in steps: [Step]) -> Set<String> {
    let index = steps.firstIndex { $0.id == failed.id }!
    var ids = Set(steps[index...].map(\.id))
    for (ownerIndex, owner) in steps.enumerated() where ownerIndex < index {
      guard let until = owner.cleanup?.until, let end = steps.firstIndex(where: { $0.id == until })
      else { continue }
      if index <= end { ids.formUnion(steps[ownerIndex..<index].map(\.id)) }
    }
    return ids
  }

  static func expectCompletedOnceAfterLastUndo(_ state: [String], steps: [Step]) {
    for step in steps {
      let records = state.filter {
        $0.hasPrefix("completed \(step.id) ") || $0.hasPrefix("undone \(step.id) ")
      }
      let afterUndo = records.split { $0.hasPrefix("undone ") }.last ?? []
      #expect(afterUndo.count == 1, "step \(step.id): \(records)")
      #expect(records.last?.hasPrefix("completed ") == true, "step \(step.id) ends undone")
    }
  }

  /// Makes `step`'s first command fail once through `run`, then resumes, and
  /// checks the calls and the state file.
  func failOnceThenResume(
    _ step: Step, of steps: [Step], clean: CleanRun,
    run: (ScriptHarness, [String], [String: String]) throws -> ProcessResult
  ) throws {
    let firstCall = try #require(
      clean.steps.firstIndex(of: step.id), "step \(step.id) makes no call")
    let harness = try CMLWorkspace.harness()
    // The preflight's `kubectl api-versions` is call 1; steps' calls follow.
    let failed = try run(harness, [], ["STUB_FAIL_AT": String(firstCall + 2)])
    #expect(failed.status == 1)
    #expect(failed.standardError.contains("\(step.id) (\(step.title)) failed with exit status 1"))
    #expect(
      Array(harness.stepCalls.map(\.call).prefix(firstCall + 1))
        == Array(clean.calls.prefix(firstCall + 1)))
    harness.clearCalls()
    let resumed = try run(harness, ["--resume"], [:])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    let rerun = Self.rerun(after: step, in: steps)
    let expected = zip(clean.calls, clean.steps).filter { rerun.contains($0.1) }.map(\.0)
    #expect(harness.stepCalls.map(\.call) == expected)
    Self.expectCompletedOnceAfterLastUndo(CMLWorkspace.state(harness), steps: steps)
  }

  @Test(arguments: importSteps.indices)
  func importStepFailsOnceThenResumes(index: Int) throws {
    try failOnceThenResume(Self.importSteps[index], of: Self.importSteps, clean: Self.cleanImport) {
      try CMLWorkspace.runImport($0, $1, environment: $2)
    }
  }

  /// Export steps that run a stubbed tool (the others only run mv or rm on
  /// local files, and have nothing to fail).
  static let stubbedExportSteps = exportSteps.indices.filter { index in
    exportSteps[index].actions.flatMap(\.shellTexts).contains { text in
      !Set(ShellText(text).commands).isDisjoint(with: ["kubectl", "tar"])
    }
  }

  @Test(arguments: stubbedExportSteps)
  func exportStepFailsOnceThenResumes(index: Int) throws {
    try failOnceThenResume(Self.exportSteps[index], of: Self.exportSteps, clean: Self.cleanExport) {
      try CMLWorkspace.runExport($0, $1, environment: $2)
    }
  }
}
