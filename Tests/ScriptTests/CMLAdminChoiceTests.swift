import TestSupport
import Testing

/// Exactly one admin is imported: the named one, or the only one; with
/// several and none named the operator picks, and `--yes` stops with the list.
@Suite struct CMLAdminChoiceTests {
  private func savedAdmin(_ harness: ScriptHarness) -> String? {
    harness.commandCalls.first { $0.hasPrefix("kubectl exec -i db-0") && $0.contains("-v admin=") }
      .map { String($0.split(separator: "=").last!) }
  }

  @Test func theOnlyAdminIsChosen() throws {
    let harness = try CMLWorkspace.harness(admins: ["alice"])
    let result = try CMLWorkspace.runImport(harness)
    #expect(result.status == 0)
    #expect(savedAdmin(harness) == "alice")
    #expect(
      result.standardOutput.contains(
        "Chose the admin who will own the migrated resources: alice (the only candidate)."))
  }

  @Test func theNamedAdminIsChosenAmongSeveral() throws {
    let harness = try CMLWorkspace.harness(admins: ["alice", "bob"])
    let result = try CMLWorkspace.runImport(harness, ["--admin", "bob"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(savedAdmin(harness) == "bob")
  }

  @Test func aNamedUserWhoIsNotAnAdminIsRefused() throws {
    let harness = try CMLWorkspace.harness(admins: ["alice", "bob"])
    let result = try CMLWorkspace.runImport(harness, ["--admin", "mallory"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("--admin 'mallory' is not one of the candidates"))
    #expect(savedAdmin(harness) == nil)
  }

  @Test func severalAdminsUnderYesStopWithTheCandidates() throws {
    let harness = try CMLWorkspace.harness(admins: ["alice", "bob"])
    let result = try CMLWorkspace.runImport(harness)
    #expect(result.status == 1)
    #expect(
      result.standardError.contains(
        "several candidates for the admin who will own the migrated resources and none named; name one with --admin:"
      ))
    #expect(result.standardError.contains("    alice\n    bob\n"))
    #expect(savedAdmin(harness) == nil)
  }

  @Test func severalAdminsInteractivelyAskTheOperator() throws {
    let harness = try CMLWorkspace.harness(admins: ["alice", "bob"])
    // No step before the choice asks anything; the choice takes "2", and
    // the first destructive step then finds no answer and stops the run.
    let result = try harness.run(
      ["import", "--work-dir", harness.folder.file("work")], input: "2\n")
    #expect(result.status == 4)
    #expect(result.standardOutput.contains("1) alice"))
    #expect(result.standardOutput.contains("2) bob"))
    #expect(savedAdmin(harness) == "bob")
  }
}
