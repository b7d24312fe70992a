import Commands
import Model
import Templates
import Testing

/// Each change kind and risk class on a hand-made pair: the exact typed
/// changes, and `diff`'s exit status under each `--fail-on`.
@Suite struct DiffRiskTests {
  @Test(arguments: DiffPair.all + DiffPair.kinds)
  func eachPairGivesItsTypedChangesAndStatuses(pair: DiffPair) {
    #expect(ProcedureDiff.between(pair.old, pair.new, rules: .lint).entries == pair.expected)
    let catalog = [pair.old, pair.new]
    var statuses: [Int32] = []
    for failOn in [
      [], ["--fail-on", "safety"], ["--fail-on", "behaviour"], ["--fail-on", "any"],
    ] {
      let result = GenMigration.run(["diff", "demo@1.0", "demo@2.0"] + failOn, catalog: catalog)
      #expect(result.standardError == "")
      statuses.append(result.status)
    }
    #expect(statuses == pair.statuses)
  }

  @Test func theBasePairIsValidAndLintClean() {
    #expect(DiffPair.base().validate() == [])
    #expect(GenMigration.run(["lint", "demo"], catalog: [DiffPair.base()]).status == 0)
  }

  @Test(arguments: ["safety", "behaviour", "any"])
  func noDifferenceExitsZeroUnderEveryFailOn(failOn: String) {
    let result = GenMigration.run(
      ["diff", "demo", "demo", "--fail-on", failOn], catalog: [DiffPair.base()])
    #expect(result.status == 0)
  }

  @Test func aDroppedConfirmationIsShownFirstUnderSafety() {
    let pair = DiffPair.all.first { $0.name == "a dropped confirmation" }!
    var new = pair.new
    new.phases[0].sections[0].steps[0].title = "Import users, groups and their ACLs"
    let result = GenMigration.run(
      ["diff", "demo@1.0", "demo@2.0", "--fail-on", "safety"], catalog: [pair.old, new])
    #expect(result.status == 3)
    #expect(
      result.standardOutput
        == """
        demo@1.0 → demo@2.0: 2 changes (1 safety, 1 wording)
        steps: 1 removed, 1 changed

        Safety (1):
          removed step confirm-backup (main): Confirm a full backup exists — a confirmation disappears

        Wording (1):
          title of step import-all: "Import users and groups" → "Import users, groups and their ACLs"

        """)
  }
}
