import Catalog
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// The generated Databricks scripts, run against the tool double
/// (`Stubs/databricks-tools.bash`), which behaves like databrickslabs/migrate
/// where the procedures depend on it.
@Suite struct DatabricksTests {
  typealias Edition = DatabricksWorkspaces.Edition
  private typealias Workspaces = DatabricksWorkspaces

  private let common = Edition.common

  /// The tool calls, with the harness's folder left out of the paths.
  private func calls(_ harness: ScriptHarness) -> [String] {
    harness.commandCalls.map { $0.replacingOccurrences(of: harness.folder.path + "/", with: "") }
  }

  static func export1(_ arguments: String) -> String {
    "python3 ./export_db.py --profile oldWS --set-export-dir exports " + arguments
  }

  static func import1(_ arguments: String) -> String {
    "python3 ./import_db.py --profile newWS --set-export-dir exports " + arguments
  }

  static let export1Calls = [
    "--users", "--clusters", "--workspace", "--download", "--workspace-acls", "--jobs",
    "--metastore",
  ].map(export1)

  /// The jobs import lists the target's jobs first: once to keep the ids it
  /// had before the first try, once to find those an earlier try created.
  static let import1Calls =
    ["--users", "--clusters", "--workspace", "--workspace-acls"].map(import1)
    + Array(repeating: "databricks jobs list --profile newWS", count: 2)
    + ["--jobs", "--metastore"].map(import1)

  @Test func version1ExportsThenImportsInTheDocumentedOrder() throws {
    let harness = try Workspaces.harness(.version1)
    let result = try harness.run(common, input: "done\ndone\nyes\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(calls(harness) == Self.export1Calls + Self.import1Calls)
  }

  @Test func version1ImportRunsOnItsOwn() throws {
    let harness = try Workspaces.harness(.version1)
    _ = try harness.run(common + ["export"], input: "done\n")
    harness.clearCalls()
    let result = try harness.run(common + ["import"], input: "done\nyes\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(calls(harness) == Self.import1Calls)
  }

  @Test func version1OptionsBecomeFlags() throws {
    let harness = try Workspaces.harness(.version1)
    let result = try harness.run(
      common + [
        "--no-ssl-verification", "yes", "--skip-failed", "yes", "--cluster-name", "Test",
        "--database", "my_db", "--archive-missing", "yes",
      ],
      input: "done\ndone\nyes\n")
    #expect(result.status == 0, "\(result.standardError)")
    let calls = calls(harness)
    #expect(calls.count == 15)
    #expect(
      calls.filter { $0.hasPrefix("python3 ") }.allSatisfy {
        $0.contains(" --no-ssl-verification ")
      })
    #expect(
      calls.contains(
        Self.export1(
          "--no-ssl-verification --metastore --skip-failed --cluster-name Test --database my_db")))
    #expect(calls.contains(Self.import1("--no-ssl-verification --workspace --archive-missing")))
  }

  @Test func version1NeedsBothProfiles() throws {
    let harness = try Workspaces.harness(.version1)
    let result = try harness.run(["--src-profile", "oldWS"], input: "done\ndone\nyes\n")
    #expect(result.status == 2)
    #expect(result.standardError.contains("missing required parameter DST_PROFILE"))
    #expect(harness.calls.isEmpty)
  }

  /// 1.0 imports every scheduled job paused; the cut-over phase pauses the
  /// source's and unpauses the target's only when asked.
  @Test func version1CutsTheJobsOverWhenAsked() throws {
    let harness = try Workspaces.harness(.version1)
    let result = try harness.run(Edition.version1.arguments(harness), input: "done\ndone\nyes\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      Array(calls(harness).suffix(2)) == [
        Self.export1("--pause-all-jobs"), Self.import1("--unpause-all-jobs"),
      ])
    #expect(harness.folder.read("ws/oldWS/paused") == "nightly\nweekly\n")
    #expect(harness.folder.read("ws/newWS/paused") == "")
    let plain = try Workspaces.harness(.version1)
    _ = try plain.run(common, input: "done\ndone\nyes\n")
    #expect(plain.folder.read("ws/newWS/paused") == "nightly\nweekly\n")
    #expect(plain.folder.read("ws/oldWS/paused") == "")
  }

  // MARK: The cloud flag (the tool refuses an Azure or GCP host without it)

  @Test(arguments: [
    (Edition.version1, "azure", "azuredatabricks.net"), (.version2, "gcp", "gcp.databricks.com"),
    (.pipeline2, "azure", "azuredatabricks.net"), (.pipeline2, "gcp", "gcp.databricks.com"),
  ])
  func everyToolCallCarriesTheCloudsFlag(edition: Edition, cloud: String, host: String) throws {
    let harness = try Workspaces.harness(edition, cloud: host)
    // The AWS-only instance-profile steps left out.
    let arguments =
      edition == .pipeline2 ? common + ["--session", "s1", "--dst-session", "d1"] : common
    let without = try harness.run(arguments, input: edition.input)
    #expect(without.status == 1)
    #expect(without.standardError.contains("Please provide --\(cloud) flag"))
    let with = try Workspaces.harness(edition, cloud: host)
    let result = try with.run(
      arguments + ["--cloud", cloud], input: edition.input)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      with.commandCalls.filter { $0.hasPrefix("python3 ./") && !$0.contains("--validate-pipeline") }
        .allSatisfy { $0.contains(" --\(cloud) ") })
  }

  // MARK: databricks-pipeline 2.0

  static let retries = "--use-checkpoint --num-parallel 8 --retry-total 30 --retry-backoff 1.0"

  @Test func thePipelineRunsInOrder() throws {
    let harness = try Workspaces.harness(.pipeline2)
    let result = try harness.run(Edition.pipeline2.arguments(harness), input: "done\ndone\ndone\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      calls(harness) == [
        "python3 setup.py install",
        "python3 ./migration_pipeline.py --profile oldWS --set-export-dir exports --session s1 \(Self.retries) --export-pipeline",
        "python3 ./export_db.py --profile oldWS --set-export-dir exports/s1 --use-checkpoint --old-account-id 111111111111 --update-account-id 222222222222",
        "python3 ./migration_pipeline.py --profile newWS --set-export-dir exports --session s1 \(Self.retries) --import-pipeline --no-prompt",
        "python3 ./migration_pipeline.py --profile newWS --set-export-dir exports --session d1 \(Self.retries) --export-pipeline",
        "python3 ./migration_pipeline.py --validate-pipeline --set-export-dir exports --session validate-s1-d1 --validate-source-session s1 --validate-destination-session d1",
        "diffstat -s exports/validation_notebooks.log",
        "diffstat -s exports/validation_metastores.log",
      ])
    #expect(harness.folder.read("exports/validate-s1-d1/diff.log") != nil)
  }

  /// The tool asks "Import from ... into ...? (y/N)" unless --no-prompt, and
  /// dies on EOF: the double does so too; the unattended run still imports.
  @Test func anUnattendedImportDoesNotDieOnThePipelinesPrompt() throws {
    let harness = try Workspaces.harness(.pipeline2)
    let arguments = Edition.pipeline2.arguments(harness)
    let export = try harness.run(arguments + ["export", "--yes"])
    #expect(export.status == 0, "\(export.standardError)")
    let direct = try ProcessRunner.run(
      harness.bin + "/python3",
      [
        "./migration_pipeline.py", "--profile", "newWS", "--set-export-dir",
        harness.folder.file("exports"), "--session", "s1", "--import-pipeline",
      ],
      environment: [
        "STUB_DIR": harness.folder.path, "HOME": harness.folder.file("home"),
        "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
      ], in: harness.folder.file("tool"))
    #expect(direct.status == 1)
    #expect(direct.standardError.contains("EOFError"))
    let result = try harness.run(arguments + ["import", "--yes"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.folder.read("ws/newWS/users") == "alice@example.com\nbob@example.com\n")
  }

  @Test func anUnattendedImportRefusesASessionThatWasNeverExported() throws {
    let harness = try Workspaces.harness(.pipeline2)
    let result = try harness.run(Edition.pipeline2.arguments(harness) + ["import", "--yes"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("confirm-import-source"))
    #expect(!harness.commandCalls.contains { $0.contains("--import-pipeline") })
  }

  @Test func theValidationNeedsTwoSessions() throws {
    let harness = try Workspaces.harness(.pipeline2)
    let result = try harness.run(common + ["--session", "s1", "--dst-session", "s1", "validate"])
    #expect(result.status != 0)
    #expect(result.standardError.contains("--dst-session must differ from --session"))
    #expect(harness.calls.isEmpty)
  }

  /// The validation reads EXPORT_DIR, wherever the script runs from, and
  /// needs diffstat, which preflight checks.
  @Test func theValidationReadsTheExportDirectoryAndNeedsDiffstat() throws {
    let harness = try Workspaces.harness(.pipeline2)
    #expect(Databricks.pipeline2.tools(in: [Databricks.pipeline2.phases[2]]).contains("diffstat"))
    let run = try harness.run(
      Edition.pipeline2.arguments(harness), input: "done\ndone\ndone\n")
    #expect(run.status == 0, "\(run.standardError)")
    #expect(harness.folder.read("exports/validation_notebooks.log") != nil)
    #expect(harness.folder.read("tool/validation_notebooks.log") == nil)
    #expect(harness.folder.read("logs/validation_notebooks.log") == nil)
  }

  @Test func theAccountIdUpdateIsForAWSOnly() throws {
    let harness = try Workspaces.harness(.pipeline2, cloud: "azuredatabricks.net")
    let result = try harness.run(
      Edition.pipeline2.arguments(harness) + ["--cloud", "azure", "export"], input: "done\n")
    #expect(result.status == 1)
    #expect(result.standardError.contains("--update-account-id yes is for AWS workspaces only"))
  }

  /// Finding "missing account ids are caught only after the full export":
  /// the parameter rules refuse them before any call.
  @Test(arguments: [
    (
      ["--old-aws-acct-id", ""],
      "missing parameter OLD_AWS_ACCT_ID, required when UPDATE_ACCOUNT_ID is yes"
    ),
    (
      ["--new-aws-acct-id", "111111111111"],
      "--new-aws-acct-id must differ from --old-aws-acct-id"
    ),
  ])
  func theAccountIdsAreCheckedBeforeTheExport(change: [String], message: String) throws {
    let harness = try Workspaces.harness(.pipeline2)
    let result = try harness.run(Edition.pipeline2.arguments(harness) + change + ["export"])
    #expect(result.status == 2)
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(harness.calls.isEmpty)
  }

  @Test func thePipelineExportsSecretsPrivately() throws {
    let harness = try Workspaces.harness(.pipeline2)
    try harness.folder.write("", to: "exports/s1/secret_scopes/all")
    let result = try harness.run(Edition.pipeline2.arguments(harness) + ["export"], input: "done\n")
    #expect(result.status == 0, "\(result.standardError)")
    let mode =
      try FileManager.default.attributesOfItem(
        atPath: harness.folder.file("exports/s1/secret_scopes/all"))[.posixPermissions] as? Int
    #expect(mode.map { $0 & 0o077 } == 0)
    let export = try #require(
      Databricks.pipeline2.phases[0].steps.first { $0.id == "export-pipeline" })
    #expect(export.admonitions.contains { "\($0)".contains("base64") })
    #expect(!export.explanation.contains("MLflow experiments and MLflow runs"))
  }

  // MARK: databricks 2.0, the step-by-step tool of seed 004

  @Test func version2MigratesEveryOptionalObject() throws {
    let harness = try Workspaces.harness(.version2)
    let result = try harness.run(Edition.version2.arguments(harness), input: "done\ndone\nyes\n")
    #expect(result.status == 0, "\(result.standardError)")
    let calls = calls(harness)
    #expect(calls.allSatisfy { !$0.contains("--last-session") && !$0.contains("--reset-export") })
    #expect(calls.contains { $0.contains("--metastore --repair-metastore-tables") })
    #expect(
      calls.contains(
        "python3 ./import_db.py --profile newWS --set-export-dir exports --src-profile oldWS --mlflow-runs --use-checkpoint --num-parallel 4"
      ))
    #expect(harness.folder.read("ws/newWS/repaired") == "sales.orders\n")
    #expect(harness.folder.read("ws/newWS/secrets") == "all key1 s3cr3t\n")
    #expect(harness.folder.read("ws/newWS/runs") == "run1\n")
    #expect(harness.folder.read("ws/newWS/table_acls") == "/Shared/report data SELECT\n")
    #expect(
      harness.folder.read("exports/clusters.log")
        == "etl arn:aws:iam::222222222222:instance-profile/etl-v2\nadhoc\n")
    let mode =
      try FileManager.default.attributesOfItem(
        atPath: harness.folder.file("exports/secret_scopes/all"))[.posixPermissions] as? Int
    #expect(mode.map { $0 & 0o077 } == 0)
    #expect(!(harness.folder.read("exports/secret_scopes/all") ?? "").contains("s3cr3t"))
  }

  /// The tool's own `--last-session` and a secrets export without a cluster,
  /// as the double (like the tool) answers them.
  @Test func theDoubleRejectsLastSessionAndIgnoresSecretsWithoutACluster() throws {
    let harness = try Workspaces.harness(.version2)
    let environment = [
      "STUB_DIR": harness.folder.path, "HOME": harness.folder.file("home"),
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "",
    ]
    let last = try ProcessRunner.run(
      harness.bin + "/python3",
      ["./import_db.py", "--profile", "newWS", "--workspace", "--last-session", "x"],
      environment: environment, in: harness.folder.file("tool"))
    #expect(last.status == 2)
    let secrets = try ProcessRunner.run(
      harness.bin + "/python3",
      ["./export_db.py", "--profile", "oldWS", "--set-export-dir", "e", "--secrets"],
      environment: environment, in: harness.folder.file("tool"))
    #expect(secrets.status == 0)
    #expect(harness.folder.read("tool/e/secret_scopes/all") == nil)
  }

  @Test func version2SecretsNeedACluster() throws {
    let harness = try Workspaces.harness(.version2)
    let result = try harness.run(
      common + ["--migrate-secrets", "yes", "export"], input: "done\n")
    #expect(result.status == 1)
    #expect(result.standardError.contains("--migrate-secrets yes needs --secrets-cluster"))
  }

  @Test func version2RestoresThePauseStatusOrUnpausesNotBoth() throws {
    let harness = try Workspaces.harness(.version2)
    let result = try harness.run(
      common + ["--restore-pause-status", "yes", "--unpause-target-jobs", "yes"],
      input: "done\ndone\nyes\n")
    #expect(result.status == 1)
    #expect(result.standardError.contains("contradict each other"))
    #expect(harness.folder.read("ws/newWS/paused") == "")
  }

  @Test func version2RestoresThePauseStatusFromTheExportDirectory() throws {
    let harness = try Workspaces.harness(.version2)
    try harness.folder.write("weekly\n", to: "ws/oldWS/paused")
    let result = try harness.run(
      common + ["--restore-pause-status", "yes"], input: "done\ndone\nyes\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.folder.read("ws/newWS/paused") == "weekly\n")
  }
}
