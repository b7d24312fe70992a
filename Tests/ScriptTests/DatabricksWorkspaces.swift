import Catalog
import Model
import Templates
import TestSupport

/// Two workspaces for the Databricks double (`Stubs/databricks-tools.bash`,
/// as python3 and databricks): the source with users, groups, clusters,
/// notebooks, ACLs, jobs, a metastore table, a secret, an MLflow experiment
/// and run; the target with one job of its own, which the migration must
/// leave alone. Both profiles are in ~/.databrickscfg, where the tool reads
/// them.
enum DatabricksWorkspaces {
  /// A procedure version the tests run whole, with its arguments: every
  /// optional step on.
  enum Edition: String, CaseIterable, Sendable {
    case version1 = "databricks@1.0"
    case version2 = "databricks@2.0"
    case pipeline2 = "databricks-pipeline@2.0"

    var procedure: Procedure {
      switch self {
      case .version1: Databricks.version1
      case .version2: Databricks.version2
      case .pipeline2: Databricks.pipeline2
      }
    }
    var script: String { BashScript.render(procedure, generator: Outputs.generator) }
    var steps: [Step] { procedure.phases.flatMap(\.steps) }

    /// The steps a run with `arguments` takes: those always on, and the
    /// optional ones whose parameter it sets to yes.
    func enabledSteps(_ harness: ScriptHarness) -> [Step] {
      let arguments = self.arguments(harness)
      return steps.filter { step in
        guard let flag = step.enabledBy else { return true }
        guard let index = arguments.firstIndex(of: Parameter.flag(for: flag)) else { return false }
        return arguments[index + 1] == "yes"
      }
    }

    static let common = [
      "--src-profile", "oldWS", "--dst-profile", "newWS", "--tool-dir", "tool", "--export-dir",
      "exports",
    ]

    func arguments(_ harness: ScriptHarness) -> [String] {
      switch self {
      case .version1:
        return Self.common + ["--pause-source-jobs", "yes", "--unpause-target-jobs", "yes"]
      case .version2:
        return Self.common + [
          "--table-acls", "yes", "--migrate-secrets", "yes", "--secrets-cluster", "sc",
          "--migrate-mlflow", "yes", "--migrate-groups", "yes", "--export-groups", "admins",
          "--migrate-top-level", "yes", "--rename-instance-profile", "yes",
          "--old-instance-profile", "arn:aws:iam::111111111111:instance-profile/etl",
          "--new-instance-profile", "arn:aws:iam::222222222222:instance-profile/etl-v2",
          "--repair-tables", "yes", "--pause-source-jobs", "yes", "--restore-pause-status", "yes",
        ]
      case .pipeline2:
        return Self.common + [
          "--session", "s1", "--dst-session", "d1", "--update-account-id", "yes",
          "--old-aws-acct-id", "111111111111", "--new-aws-acct-id", "222222222222",
        ]
      }
    }

    /// What the operator types: `yes` for each destructive step, `done` for
    /// each manual step.
    var input: String { input(from: nil) }

    /// What the operator types on a run that starts at step `id` (a
    /// resume of a run that failed there), read from the model in step order.
    func input(from id: String?) -> String {
      var started = id == nil
      var answers = ""
      for entry in procedure.orderedSteps {
        if entry.step.id == id { started = true }
        guard started else { continue }
        if entry.step.destroys != nil { answers += "yes\n" }
        for action in entry.step.actions {
          if case .manual = action { answers += "done\n" }
        }
      }
      return answers
    }
  }

  static func harness(_ edition: Edition, cloud: String = "cloud.databricks.com") throws
    -> ScriptHarness
  {
    let harness = try ScriptHarness(script: edition.script, stubs: ["diffstat"])
    try harness.installDouble("databricks-tools.bash", as: ["python3", "databricks"])
    try harness.folder.write("", to: "tool/.keep")
    try harness.folder.write(
      "[oldWS]\nhost = https://old.\(cloud)\ntoken = dapi1\n\n[newWS]\nhost = https://new.\(cloud)\ntoken = dapi2\n",
      to: "home/.databrickscfg")
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
    try harness.folder.write("scope1 key1 s3cr3t\n", to: source + "secrets")
    try harness.folder.write("/Users/alice@example.com/exp1\n", to: source + "experiments")
    try harness.folder.write("run1\n", to: source + "runs")
    try harness.folder.write("/Shared/report data SELECT\n", to: source + "table_acls")
    try harness.folder.write("7 existing-in-target\n", to: "ws/newWS/jobs")
    try harness.folder.write("8\n", to: "ws/newWS/jobs.next")
    return harness
  }

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
      .filter { !$0.hasPrefix("deleted ") && !$0.hasPrefix("job ") && !$0.hasPrefix("paused ") }
      .sorted()
  }

  /// The target's jobs, by name.
  static func targetJobs(_ harness: ScriptHarness) -> [String] {
    (harness.folder.read("ws/newWS/jobs") ?? "").split(separator: "\n").map {
      $0.split(separator: " ").dropFirst().joined(separator: " ")
    }.sorted()
  }

  static func state(file harness: ScriptHarness, _ edition: Edition) -> [String] {
    let id = edition.procedure.id
    return (harness.folder.read("home/.gen-migration/\(id)/\(id).state") ?? "").split(
      separator: "\n"
    ).map(String.init)
  }
}

extension Dictionary where Key == String {
  fileprivate func mapKeys(_ transform: (String) -> String) -> [String: Value] {
    Dictionary(uniqueKeysWithValues: map { (transform($0.key), $0.value) })
  }
}
