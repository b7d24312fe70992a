import Catalog
import TestSupport
import Testing

/// --from, --to, --only and --skip select exactly the steps they name, by id
/// or by number.
@Suite struct SelectionTests {
  static let importIds = CML.version1.phases[1].steps.map(\.id)

  private func stepsRun(_ extra: [String]) throws -> [String] {
    let harness = try CMLWorkspace.harness()
    let result = try CMLWorkspace.runImport(harness, extra)
    #expect(result.status == 0, "\(result.standardError)")
    var seen: [String] = []
    for (_, step) in harness.stepCalls where seen.last != step { seen.append(step) }
    return seen
  }

  @Test func onlyRunsTheNamedStepsInProcedureOrder() throws {
    #expect(
      try stepsRun(["--only", "save-site-config,check-archive"]) == [
        "check-archive", "save-site-config",
      ])
  }

  @Test func onlyAcceptsNumbersFromList() throws {
    #expect(try stepsRun(["--only", "9,12"]) == ["check-archive", "save-site-config"])
  }

  @Test func skipRunsEveryOtherStep() throws {
    let skipped = ["check-archive", "list-users-to-delete"]
    #expect(
      try stepsRun(["--skip", skipped.joined(separator: ",")])
        == Self.importIds.filter { !skipped.contains($0) })
  }

  @Test func fromAndToBoundTheRun() throws {
    #expect(
      try stepsRun(["--from", "stop-database", "--to", "copy-archive-to-helper-pod"]) == [
        "stop-database", "create-helper-pod", "check-no-existing-projects",
        "copy-archive-to-helper-pod",
      ])
  }

  @Test func anUnknownStepIsAUsageErrorWithASuggestion() throws {
    let harness = try CMLWorkspace.harness()
    let result = try CMLWorkspace.runImport(harness, ["--only", "save-site-confg"])
    #expect(result.status == 2)
    #expect(
      result.standardError.contains(
        "unknown step 'save-site-confg'; did you mean 'save-site-config'?"))
    #expect(harness.calls.isEmpty)
  }
}
