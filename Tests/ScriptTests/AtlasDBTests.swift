import Catalog
import Templates
import TestSupport
import Testing

/// The generated AtlasDB script, run against a stub atlasdb-cli.
@Suite struct AtlasDBTests {
  static let script = BashScript.render(AtlasDB.version1, generator: Outputs.generator)

  private func harness() throws -> ScriptHarness {
    try ScriptHarness(script: Self.script, stubs: ["atlasdb-cli"])
  }

  private func arguments(_ harness: ScriptHarness, _ extra: [String] = []) -> [String] {
    [
      "--atlasdb-cli", harness.bin + "/atlasdb-cli", "--from-config", "source.yml",
      "--migrate-config", "target.yml",
    ]
      + extra
  }

  private func calls(_ harness: ScriptHarness) -> [String] {
    harness.commandCalls.map { $0.replacingOccurrences(of: harness.bin + "/", with: "") }
  }

  @Test func setupMigrateAndValidateRunInOrderWithOffline() throws {
    let harness = try harness()
    let result = try harness.run(arguments(harness, ["--yes", "--service-stopped", "yes"]))
    #expect(result.status == 0, "\(result.standardError)")
    let common = "atlasdb-cli --offline migrate --fromConfig source.yml --migrateConfig target.yml"
    #expect(calls(harness) == ["\(common) --setup", "\(common) --migrate", "\(common) --validate"])
  }

  @Test func withTimeLockTheOfflineFlagIsLeftOut() throws {
    let harness = try harness()
    let result = try harness.run(
      arguments(harness, ["--yes", "--service-stopped", "yes", "--offline", "no", "validate"]))
    #expect(result.status == 0)
    #expect(
      calls(harness) == [
        "atlasdb-cli migrate --fromConfig source.yml --migrateConfig target.yml --validate"
      ])
  }

  @Test func setupAsksForYesNamingTheTargetConfiguration() throws {
    let harness = try harness()
    let declined = try harness.run(arguments(harness, ["setup"]), input: "done\nno\n")
    #expect(declined.status == 4)
    #expect(
      declined.standardOutput.contains(
        "This step destroys every table in the target KVS configured in target.yml."))
    #expect(harness.calls.isEmpty)
  }

  @Test func unattendedRunsNeedTheOperatorsConfirmation() throws {
    let harness = try harness()
    let result = try harness.run(arguments(harness, ["--yes"]))
    #expect(result.status == 1)
    #expect(result.standardError.contains("Unattended runs need --service-stopped yes"))
    #expect(harness.calls.isEmpty)
  }

  @Test func bothConfigurationsMustBeNamed() throws {
    let harness = try harness()
    let result = try harness.run([
      "--yes", "--service-stopped", "yes", "--from-config", "source.yml",
    ])
    #expect(result.status == 2)
    #expect(result.standardError.contains("missing required parameter MIGRATE_CONFIG"))
  }

  @Test func aFailedMigrateResumesWithoutRunningSetupAgain() throws {
    let harness = try harness()
    try harness.rule(
      "atlasdb-cli", "* --migrate", status: "1@1", output: "migration failed at table t\n")
    let failed = try harness.run(arguments(harness, ["--yes", "--service-stopped", "yes"]))
    #expect(failed.status == 1)
    #expect(failed.standardError.contains("step 3/4 migrate"))
    harness.clearCalls()
    let resumed = try harness.run(
      arguments(harness, ["--yes", "--service-stopped", "yes", "--resume"]))
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(
      calls(harness).map { String($0.split(separator: " ").last!) } == ["--migrate", "--validate"])
  }
}
