import Catalog
import Templates
import TestSupport
import Testing

/// The generated Databricks scripts, run against a stub python3.
@Suite struct DatabricksTests {
  static let script1 = BashScript.render(Databricks.version1, generator: Outputs.generator)
  static let script2 = BashScript.render(Databricks.version2, generator: Outputs.generator)

  private func harness(_ script: String) throws -> ScriptHarness {
    // The export folder the import reads (and keeps the target's job ids in).
    let harness = try ScriptHarness(script: script, stubs: ["python3", "databricks"])
    try harness.folder.write("", to: "exports/.keep")
    return harness
  }

  private let common = [
    "--src-profile", "oldWS", "--dst-profile", "newWS", "--tool-dir", "tool", "--export-dir",
    "exports",
  ]

  static func export1(_ arguments: String) -> String {
    "python3 tool/export_db.py --profile oldWS --set-export-dir exports " + arguments
  }

  static func import1(_ arguments: String) -> String {
    "python3 tool/import_db.py --profile newWS --set-export-dir exports " + arguments
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
    let harness = try harness(Self.script1)
    let result = try harness.run(common, input: "done\ndone\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.commandCalls == Self.export1Calls + Self.import1Calls)
  }

  @Test func version1ImportRunsOnItsOwn() throws {
    let harness = try harness(Self.script1)
    let result = try harness.run(common + ["import"], input: "done\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.commandCalls == Self.import1Calls)
  }

  @Test func version1ExportRunsOnItsOwn() throws {
    let harness = try harness(Self.script1)
    let result = try harness.run(common + ["export"], input: "done\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.commandCalls == Self.export1Calls)
  }

  @Test func version1OptionsBecomeFlags() throws {
    let harness = try harness(Self.script1)
    let result = try harness.run(
      common + [
        "--no-ssl-verification", "yes", "--skip-failed", "yes", "--cluster-name", "Test",
        "--database", "my_db", "--archive-missing", "yes",
      ],
      input: "done\ndone\n")
    #expect(result.status == 0, "\(result.standardError)")
    let calls = harness.commandCalls
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
    #expect(calls.contains(Self.import1("--no-ssl-verification --metastore --cluster-name Test")))
  }

  @Test func version1NeedsBothProfiles() throws {
    let harness = try harness(Self.script1)
    let result = try harness.run(["--src-profile", "oldWS"], input: "done\ndone\n")
    #expect(result.status == 2)
    #expect(result.standardError.contains("missing required parameter DST_PROFILE"))
    #expect(harness.calls.isEmpty)
  }

  // MARK: 2.0, the pipeline

  /// A harness with a tool checkout, `tool`, to change to.
  private func harness2() throws -> ScriptHarness {
    let harness = try ScriptHarness(
      script: Self.script2, stubs: ["python3", "validate_pipeline.sh"])
    try harness.folder.write("", to: "tool/.keep")
    return harness
  }

  private func arguments2(_ harness: ScriptHarness, _ extra: [String] = []) -> [String] {
    common + [
      "--session", "s1", "--dst-session", "d1", "--validate-script",
      harness.bin + "/validate_pipeline.sh",
    ] + extra
  }

  private func calls(_ harness: ScriptHarness) -> [String] {
    harness.commandCalls.map { $0.replacingOccurrences(of: harness.bin + "/", with: "") }
  }

  static let retries = "--use-checkpoint --num-parallel 8 --retry-total 30 --retry-backoff 1.0"

  static let export2Calls = [
    "python3 setup.py install",
    "python3 tool/migration_pipeline.py --profile oldWS --set-export-dir exports --session s1 \(retries) --export-pipeline",
  ]
  static let updateAccountCall =
    "python3 tool/export_db.py --profile oldWS --set-export-dir exports/s1 --use-checkpoint --old-account-id 111111111111 --update-account-id 222222222222"
  static let import2Calls = [
    "python3 tool/migration_pipeline.py --profile newWS --set-export-dir exports --session s1 \(retries) --import-pipeline"
  ]
  static let validate2Calls = [
    "python3 tool/migration_pipeline.py --profile newWS --set-export-dir exports --session d1 \(retries) --export-pipeline",
    "validate_pipeline.sh s1 d1",
  ]

  @Test func version2ExportsImportsAndValidatesInOrder() throws {
    let harness = try harness2()
    let result = try harness.run(arguments2(harness), input: "done\ndone\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(calls(harness) == Self.export2Calls + Self.import2Calls + Self.validate2Calls)
  }

  @Test func version2ImportRunsOnItsOwn() throws {
    let harness = try harness2()
    let result = try harness.run(arguments2(harness, ["import"]), input: "done\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(calls(harness) == Self.import2Calls)
  }

  @Test func version2ValidateRunsOnItsOwn() throws {
    let harness = try harness2()
    let result = try harness.run(arguments2(harness, ["validate"]))
    #expect(result.status == 0, "\(result.standardError)")
    #expect(calls(harness) == Self.validate2Calls)
  }

  @Test func version2UpdatesTheAccountIdOnlyWhenAsked() throws {
    let harness = try harness2()
    let result = try harness.run(
      arguments2(
        harness,
        [
          "--update-account-id", "yes", "--old-aws-acct-id", "111111111111",
          "--new-aws-acct-id", "222222222222", "export",
        ]),
      input: "done\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(calls(harness) == Self.export2Calls + [Self.updateAccountCall])
  }

  @Test func version2AccountIdUpdateNeedsBothIds() throws {
    let harness = try harness2()
    let result = try harness.run(
      arguments2(harness, ["--update-account-id", "yes", "export"]), input: "done\n")
    #expect(result.status == 1)
    #expect(result.standardError.contains("--update-account-id yes needs --old-aws-acct-id"))
    #expect(calls(harness) == Self.export2Calls)
  }

  @Test func version2NeedsASession() throws {
    let harness = try harness2()
    let result = try harness.run(common + ["export"], input: "done\n")
    #expect(result.status == 2)
    #expect(result.standardError.contains("missing required parameter SESSION"))
    #expect(harness.calls.isEmpty)
  }
}
