import Catalog
import Foundation
import Templates
import TestSupport

/// A stubbed CML workspace and CDSW cluster: kubectl, tar and sleep are
/// stubs that answer like a healthy system with one admin, `alice`.
enum CMLWorkspace {
  static let script = BashScript.render(CML.version1, generator: Outputs.generator)

  static func harness(admins: [String] = ["alice"]) throws -> ScriptHarness {
    let harness = try ScriptHarness(script: script, stubs: ["kubectl", "tar", "sleep"])
    try harness.rule("kubectl", "api-versions", output: "v1\n")
    try harness.rule(
      "kubectl", "exec db-0 *admin = TRUE*", output: admins.map { "\($0)\n" }.joined())
    try harness.rule("kubectl", "get deployment *", output: "2")
    try harness.rule("kubectl", "get pods *", output: "pod/db-0\n")
    try harness.rule(
      "kubectl", "get pod",
      output:
        "NAME READY STATUS\ndb-5d9f 1/1 Running\ndb-migrate-x 0/1 Completed\nweb-1 1/1 Running\n")
    try harness.rule("kubectl", "get jobs *", output: "NAME COMPLETIONS\ndb-migrate-abc 1/1\n")
    try harness.rule(
      "kubectl", "get job *-o yaml",
      output:
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  creationTimestamp: x\n  labels:\n    controller-uid: u\n  name: db-migrate-abc\n  resourceVersion: \"5\"\n  uid: u\nspec:\n  template: {}\nstatus:\n  succeeded: 1\n"
    )
    try harness.rule("tar", "-tzf *", output: "db.sql\nprojects/\nprojects/p1/main.py\n")
    try harness.fixture("users.csv", "id,username,email,admin\n7,alice,alice@example.com,t\n")
    try harness.fixture("engine_images.csv", "id,description,repository\n3,Custom image,repo/img\n")
    try harness.fixture("site_config.csv", "id,default_engine_image_id\n1,3\n")
    // The import's ARCHIVE, by default cml-migration.tar.gz in the folder
    // the script runs in (the stub tar lists it; the import reads its checksum).
    try harness.folder.write("an archive\n", to: "cml-migration.tar.gz")
    return harness
  }

  /// `import` under `--yes`, its state kept in the harness folder.
  static func runImport(
    _ harness: ScriptHarness, _ extra: [String] = [], input: String = "",
    environment: [String: String] = [:]
  ) throws -> ProcessResult {
    try harness.run(
      ["import", "--yes", "--work-dir", harness.folder.file("work")] + extra, input: input,
      environment: environment)
  }

  /// `export`, the operator answering "done" to the backup step, with a
  /// CDSW folder that has a projects/ directory.
  static func runExport(
    _ harness: ScriptHarness, _ extra: [String] = [], environment: [String: String] = [:]
  ) throws -> ProcessResult {
    let cdsw = harness.folder.file("cdsw")
    try FileManager.default.createDirectory(
      atPath: cdsw + "/projects", withIntermediateDirectories: true)
    return try harness.run(
      [
        "export", "--cdsw-dir", cdsw, "--work-dir", harness.folder.file("work"), "--archive",
        harness.folder.file("out.tar.gz"),
      ] + extra, input: "done\n", environment: environment)
  }

  /// The state file of a harness's runs.
  static func state(_ harness: ScriptHarness) -> [String] {
    (harness.folder.read("work/cml.state") ?? "").split(separator: "\n").map(String.init)
  }
}

extension Array where Element == String {
  /// The index of the first element containing `text`, or nil.
  func firstIndex(containing text: String) -> Int? { firstIndex { $0.contains(text) } }
  func lastIndex(containing text: String) -> Int? { lastIndex { $0.contains(text) } }
}
