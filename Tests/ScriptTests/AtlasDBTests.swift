import Catalog
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// The generated AtlasDB script, run against the AtlasDB double
/// (`Stubs/atlasdb-cli.bash`), which keeps both key-value stores as files.
@Suite struct AtlasDBTests {
  private typealias Stores = AtlasDBStores

  private func calls(_ harness: ScriptHarness) -> [String] {
    harness.commandCalls.map { $0.replacingOccurrences(of: harness.bin + "/", with: "") }
  }

  /// "[N/TOTAL] ID" of a step, from the model.
  private func number(_ id: String) throws -> String {
    let steps = AtlasDB.version1.phases.flatMap(\.steps)
    let index = try #require(steps.firstIndex { $0.id == id })
    return "step \(index + 1)/\(steps.count) \(id)"
  }

  @Test func setupMigrateAndValidateRunInOrderWithOffline() throws {
    let harness = try Stores.harness()
    let result = try harness.run(Stores.arguments(harness, Stores.unattended))
    #expect(result.status == 0, "\(result.standardError)")
    let common = "atlasdb-cli --offline migrate --fromConfig source.yml --migrateConfig target.yml"
    #expect(calls(harness) == ["\(common) --setup", "\(common) --migrate", "\(common) --validate"])
    let stores = Stores.stores(harness)
    // Setup dropped the target's own table and kept its atomic one; migrate
    // copied every non-atomic table, and finished its checkpoint.
    for table in ["users", "orders", "sweep.priority"] {
      #expect(stores["target/tables/\(table)"] == stores["source/tables/\(table)"])
    }
    #expect(stores["target/tables/stale"] == nil)
    #expect(stores["target/tables/_transactions"] == "3=4\n")
    #expect(stores["target/checkpoint"] == nil)
  }

  @Test func withTimeLockTheOfflineFlagIsLeftOut() throws {
    let harness = try Stores.harness()
    let result = try harness.run(
      Stores.arguments(harness, Stores.unattended + ["--offline", "no"]))
    #expect(result.status == 0)
    let common = "atlasdb-cli migrate --fromConfig source.yml --migrateConfig target.yml"
    #expect(calls(harness) == ["\(common) --setup", "\(common) --migrate", "\(common) --validate"])
  }

  @Test func setupShowsTheTargetAndAsksForYesNamingIt() throws {
    let harness = try Stores.harness()
    let declined = try harness.run(Stores.arguments(harness, ["setup"]), input: "done\nno\n")
    #expect(declined.status == 4)
    let target = "keyValueService type: memory; namespace: target"
    #expect(
      declined.standardOutput.contains(
        "This step destroys every table in the target KVS configured in target.yml (\(target))."))
    #expect(!declined.standardOutput.contains("not-to-be-shown"))
    #expect(harness.calls.isEmpty)
  }

  @Test func anUnattendedRunCanPinTheTarget() throws {
    let harness = try Stores.harness()
    let result = try harness.run(
      Stores.arguments(
        harness,
        Stores.unattended + ["--target-kvs", "keyValueService type: memory; namespace: prod"]))
    #expect(result.status == 1)
    #expect(result.standardError.contains("is not one of the candidates"))
    #expect(harness.calls.isEmpty)
  }

  /// The same file twice, or the source through another path, is refused
  /// before anything runs; so is a configuration that is not there: the
  /// same path by the parameters' rules (usage, 2), a missing file by their
  /// preflight check (3), the same file or contents by setup's check (1).
  @Test(arguments: [
    ("source.yml", 2, "--migrate-config must differ from --from-config"),
    ("./source.yml", 1, "must be two different, readable files"),
    ("link-to-source.yml", 1, "must be two different, readable files"),
    ("copy-of-source.yml", 1, "must be two different, readable files"),
    ("absent.yml", 3, "preflight failed: MIGRATE_CONFIG names an existing, readable file"),
  ])
  func setupNeedsTwoDifferentConfigurations(target: String, status: Int32, message: String)
    throws
  {
    let harness = try Stores.harness()
    try FileManager.default.createSymbolicLink(
      atPath: harness.folder.file("link-to-source.yml"), withDestinationPath: "source.yml")
    try harness.folder.write(Stores.configuration("source"), to: "copy-of-source.yml")
    var arguments = Stores.arguments(harness, Stores.unattended)
    arguments[arguments.firstIndex(of: "target.yml")!] = target
    let result = try harness.run(arguments)
    #expect(result.status == status)
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(harness.calls.isEmpty)
    #expect(Stores.stores(harness)["source/tables/users"] == "1=alice\n2=bob\n3=carol\n")
  }

  @Test func unattendedRunsNeedTheOperatorsConfirmation() throws {
    let harness = try Stores.harness()
    let result = try harness.run(Stores.arguments(harness, ["--yes"]))
    #expect(result.status == 1)
    #expect(result.standardError.contains("Unattended runs need --service-stopped yes"))
    #expect(harness.calls.isEmpty)
  }

  @Test func bothConfigurationsMustBeNamed() throws {
    let harness = try Stores.harness()
    let result = try harness.run([
      "--yes", "--service-stopped", "yes", "--from-config", "source.yml",
    ])
    #expect(result.status == 2)
    #expect(result.standardError.contains("missing required parameter MIGRATE_CONFIG"))
  }

  /// "Must be run in order": migrate or validate on its own is refused until
  /// the step before it completed, for the same two configurations.
  @Test(arguments: ["migrate", "validate"])
  func aLaterStepAloneOnAFreshStateIsRefused(phase: String) throws {
    let harness = try Stores.harness()
    let result = try harness.run(Stores.arguments(harness, Stores.unattended + [phase]))
    #expect(result.status == 1)
    let before = phase == "migrate" ? "setup" : "migrate"
    #expect(result.standardError.contains("\(phase) runs only after \(before) completed"))
    #expect(harness.calls.isEmpty)
  }

  @Test func phasesRunOneAtATimeInOrder() throws {
    let harness = try Stores.harness()
    for phase in ["setup", "migrate", "validate"] {
      let result = try harness.run(Stores.arguments(harness, Stores.unattended + [phase]))
      #expect(result.status == 0, "\(phase): \(result.standardError)")
    }
    #expect(
      calls(harness).map { String($0.split(separator: " ").last!) } == [
        "--setup", "--migrate", "--validate",
      ])
  }

  @Test func migrateAfterSetupForOtherConfigurationsIsRefused() throws {
    let harness = try Stores.harness()
    let setup = try harness.run(Stores.arguments(harness, Stores.unattended + ["setup"]))
    #expect(setup.status == 0, "\(setup.standardError)")
    try harness.folder.write(Stores.configuration("elsewhere"), to: "other.yml")
    harness.clearCalls()
    var arguments = Stores.arguments(harness, Stores.unattended + ["migrate"])
    arguments[arguments.firstIndex(of: "target.yml")!] = "other.yml"
    let result = try harness.run(arguments)
    #expect(result.status == 1)
    #expect(result.standardError.contains("migrate runs only after setup completed"))
    #expect(harness.calls.isEmpty)
  }

  /// The CLI prints "Validation failed." and exits 0; the step must fail,
  /// with the output shown to the operator as it came.
  @Test func aFailedValidationFailsTheStep() throws {
    let harness = try Stores.harness()
    let result = try harness.run(
      Stores.arguments(harness, Stores.unattended), environment: ["ATLAS_SKIP_CELL": "users/2"])
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("ERROR: Validation failed."))
    #expect(result.standardError.contains(try number("validate")))
    #expect(result.standardError.contains("The CLI printed \"Validation failed.\""))
    #expect(
      harness.folder.read("work/validate.log")?.contains("Cells not equal in table users") == true)
  }

  /// The source's retry of a failed migrate, "run the migrate command
  /// again", is `--resume`: migrate runs again from its checkpoint, setup
  /// does not, and every cell is written once.
  @Test func aFailedMigrateResumesFromItsCheckpointWithoutRunningSetupAgain() throws {
    let harness = try Stores.harness()
    let failed = try harness.run(
      Stores.arguments(harness, Stores.unattended), environment: ["ATLAS_FAIL_AFTER_CELLS": "2"])
    #expect(failed.status == 1)
    #expect(failed.standardError.contains(try number("migrate")))
    #expect(failed.standardError.contains("--resume"))
    #expect(Stores.writes(harness).count == 2)
    harness.clearCalls()
    let resumed = try harness.run(Stores.arguments(harness, Stores.unattended + ["--resume"]))
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(
      calls(harness).map { String($0.split(separator: " ").last!) } == ["--migrate", "--validate"])
    let writes = Stores.writes(harness)
    #expect(writes.count == Set(writes).count, "a cell was copied twice: \(writes)")
    #expect(Set(writes).count == 6)
  }

  @Test func theRunbookSaysWhenToUseTheTargetAndHowToGoBack() {
    // The runbook's prose is wrapped, inside alerts too: read it with its
    // line breaks (and the alerts' "> ") as spaces.
    let runbook = Outputs.runbook(for: AtlasDB.version1, in: [], rules: .conservative)
      .replacingOccurrences(of: "\n> ", with: "\n")
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(runbook.contains("only after setup, migrate and validate have all succeeded"))
    #expect(runbook.contains("timestamp -f target-fresh-timestamp fetch"))
    #expect(runbook.contains("timestamp -f target-fresh-timestamp fast-forward"))
    #expect(runbook.contains("`migrate.sh --resume`"))
  }
}
