import Catalog
import Model
import Templates
import TestSupport

/// Two workspaces for the Databricks double (`Stubs/databricks-tools.bash`,
/// as python3 and databricks): the source with users, groups, clusters,
/// notebooks, ACLs, jobs and a metastore table; the target with one job of
/// its own, which the migration must leave alone.
enum DatabricksWorkspaces {
  /// A procedure version the tests run whole, with its arguments.
  enum Edition: String, CaseIterable, Sendable {
    case version1 = "databricks@1.0"
    case version2 = "databricks@2.0"

    var procedure: Procedure { self == .version1 ? Databricks.version1 : Databricks.version2 }
    var script: String { BashScript.render(procedure, generator: Outputs.generator) }
    var steps: [Step] { procedure.phases.flatMap(\.steps) }

    func arguments(_ harness: ScriptHarness) -> [String] {
      let common = [
        "--src-profile", "oldWS", "--dst-profile", "newWS", "--tool-dir", "tool", "--export-dir",
        "exports",
      ]
      if self == .version1 { return common }
      return common + [
        "--session", "s1", "--dst-session", "d1", "--validate-script",
        harness.bin + "/validate_pipeline.sh", "--update-account-id", "yes", "--old-aws-acct-id",
        "111111111111", "--new-aws-acct-id", "222222222222",
      ]
    }
  }

  static func harness(_ edition: Edition) throws -> ScriptHarness {
    let harness = try ScriptHarness(script: edition.script, stubs: ["validate_pipeline.sh"])
    try harness.installDouble("databricks-tools.bash", as: ["python3", "databricks"])
    try harness.folder.write("", to: "tool/.keep")
    let source = "ws/oldWS/"
    try harness.folder.write("alice@example.com\nbob@example.com\n", to: source + "users")
    try harness.folder.write("admins\ndata\n", to: source + "groups")
    try harness.folder.write(
      "etl arn:aws:iam::111111111111:instance-profile/etl\nadhoc\n", to: source + "clusters")
    try harness.folder.write(
      "/Users/alice@example.com/nb1\n/Shared/report\n", to: source + "notebooks")
    try harness.folder.write("/Shared/report data CAN_READ\n", to: source + "acls")
    try harness.folder.write("1 nightly\n2 weekly\n", to: source + "jobs")
    try harness.folder.write("sales.orders\n", to: source + "metastore")
    try harness.folder.write("7 existing-in-target\n", to: "ws/newWS/jobs")
    try harness.folder.write("8\n", to: "ws/newWS/jobs.next")
    return harness
  }

  /// What the operator types: `done` for each profile's manual step.
  static let input = "done\ndone\n"

  /// The emulated workspaces and the export folder, with job ids left out
  /// (a job deleted and created again gets a new id), and each workspace's
  /// jobs as their sorted names.
  static func state(_ harness: ScriptHarness) -> [String: String] {
    var state = harness.tree("ws").merging(harness.tree("exports").mapKeys { "exports/" + $0 }) {
      $1
    }
    for (path, contents) in state {
      if path.hasSuffix("/jobs.next") || path.hasSuffix("/created.log") {
        state[path] = nil
      } else if path.hasPrefix("new") || path.hasPrefix("old"), path.hasSuffix("/jobs") {
        state[path] = contents.split(separator: "\n").map {
          $0.split(separator: " ").dropFirst().joined(separator: " ")
        }
        .sorted().joined(separator: "\n")
      }
    }
    return state
  }

  /// Every object an import created in the target, one line each
  /// (`job nightly`), deletions of jobs left out: what must happen once.
  static func created(_ harness: ScriptHarness) -> [String] {
    (harness.folder.read("ws/newWS/created.log") ?? "").split(separator: "\n").map(String.init)
      .filter { !$0.hasPrefix("deleted ") && !$0.hasPrefix("job ") }.sorted()
  }

  /// The target's jobs, by name.
  static func targetJobs(_ harness: ScriptHarness) -> [String] {
    (harness.folder.read("ws/newWS/jobs") ?? "").split(separator: "\n").map {
      $0.split(separator: " ").dropFirst().joined(separator: " ")
    }.sorted()
  }

  static func state(file harness: ScriptHarness) -> [String] {
    (harness.folder.read("home/.gen-migration/databricks/databricks.state") ?? "").split(
      separator: "\n"
    ).map(String.init)
  }
}

extension Dictionary where Key == String {
  fileprivate func mapKeys(_ transform: (String) -> String) -> [String: Value] {
    Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
  }
}
