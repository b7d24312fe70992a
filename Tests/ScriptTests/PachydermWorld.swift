import Catalog
import Foundation
import Model
import Templates
import TestSupport

/// An emulated pair of Pachyderm clusters for the generated script
/// (`Stubs/pachyderm-double.bash` as pachctl, kubectl, aws, jq and sleep):
/// the old cluster in namespace `pachyderm` of Kubernetes cluster `east`
/// (four pipelines: one failed, and `held`, which its owner stopped before
/// the migration and which must stay stopped; pachd's service on nodePort 30650
/// with resourceVersion 3065091), an empty new one in `pachyderm-v2` of
/// `west`, and the buckets as folders.
enum PachydermWorld {
  static let script = BashScript.render(Pachyderm.version1, generator: Outputs.generator)

  /// The pipeline stopped on purpose before the migration: paused, its
  /// `stopped` flag set.
  static let heldPipeline = "PIPELINE_PAUSED 1 PIPELINE_PAUSED 0\n"

  /// The old cluster's pipelines the migration stops and starts again.
  static let migratedPipelines = ["broken", "edges", "montage"]

  static let initial: [String: String] = [
    "kube/current": "old-ctx\n", "kube/contexts/old-ctx": "east\n",
    "kube/contexts/new-ctx": "west\n", "pach/active": "old-pach\n",
    "pach/contexts/old-pach/target": "east/pachyderm\n",
    "pach/contexts/old-pach/address": "10.0.0.1:30650\n",
    "pach/contexts/new-pach/target": "west/pachyderm-v2\n",
    "pach/contexts/new-pach/address": "10.0.0.2:30650\n",
    "k8s/east/pachyderm/nodeport": "30650\n", "k8s/east/pachyderm/resourceversion": "3065091\n",
    "k8s/east/pachyderm/replicas": "1\n", "k8s/east/pachyderm/version": "1.8.7\n",
    "k8s/east/pachyderm/bucket": "mybucket\n", "k8s/east/pachyderm/events": "",
    "k8s/east/pachyderm/pipelines/edges": "PIPELINE_RUNNING 0 PIPELINE_RUNNING 0\n",
    "k8s/east/pachyderm/pipelines/montage": "PIPELINE_RUNNING 0 PIPELINE_RUNNING 0\n",
    "k8s/east/pachyderm/pipelines/broken": "PIPELINE_FAILURE 0 PIPELINE_FAILURE 0\n",
    "k8s/east/pachyderm/pipelines/held": heldPipeline,
    "k8s/east/pachyderm/repos/images": "", "k8s/east/pachyderm/repos/edges": "",
    "k8s/east/pachyderm/repos/montage": "", "k8s/east/pachyderm/repos/broken": "",
    "k8s/east/pachyderm/repos/held": "",
    "k8s/west/pachyderm-v2/nodeport": "30650\n", "k8s/west/pachyderm-v2/resourceversion": "100\n",
    "k8s/west/pachyderm-v2/replicas": "1\n", "k8s/west/pachyderm-v2/version": "1.9.5\n",
    "k8s/west/pachyderm-v2/bucket": "mybucket2\n", "k8s/west/pachyderm-v2/events": "",
    "k8s/west/pachyderm-v2/pipelines/.keep": "", "k8s/west/pachyderm-v2/repos/.keep": "",
    "s3/mybucket/obj1": "one\n", "s3/mybucket/obj2": "two\n", "s3/mybucket2/.keep": "",
    "s3/backups/.keep": "",
  ]

  /// The Kubernetes and pachctl contexts each phase runs with.
  static let contexts: [String: (kube: String, pach: String)] = [
    "old-cluster": ("old-ctx", "old-pach"), "new-cluster": ("new-ctx", "new-pach"),
    "retire": ("old-ctx", "old-pach"),
  ]

  static func harness() throws -> ScriptHarness {
    let harness = try ScriptHarness(script: script, stubs: [])
    try harness.installDouble(
      "pachyderm-double.bash", as: ["pachctl", "kubectl", "aws", "jq", "sleep"])
    for (path, text) in initial { try harness.folder.write(text, to: "emu/" + path) }
    return harness
  }

  /// The arguments and terminal input of a run of `phase`.
  static func arguments(_ phase: String, _ harness: ScriptHarness) -> [String] {
    let work = ["--work-dir", harness.folder.file("work"), "--wait-timeout", "30"]
    switch phase {
    case "old-cluster":
      return [
        "old-cluster", "--kube-context", "old-ctx", "--pach-context", "old-pach", "--namespace",
        "pachyderm", "--source-bucket", "s3://mybucket", "--clone-bucket", "s3://mybucket2",
        "--pause-data-loading", "yes", "--pachd-host", "10.0.0.1", "--backup-url",
        "s3://backups/pachyderm",
      ] + work
    case "new-cluster":
      return [
        "new-cluster", "--new-kube-context", "new-ctx", "--new-pach-context", "new-pach",
        "--pach-version", "1.9.5", "--backup-url", "s3://backups/pachyderm",
      ] + work
    default:
      return ["retire", "--kube-context", "old-ctx", "--namespace", "pachyderm"] + work
    }
  }

  static func input(_ phase: String) -> String {
    switch phase {
    case "old-cluster": "done\ndone\ndone\n"
    case "new-cluster": "done\ndone\n"
    default: "yes\ndone\n"
    }
  }

  /// Points kubectl and pachctl at `phase`'s cluster, as the operator does
  /// before running it.
  static func switchTo(_ phase: String, _ harness: ScriptHarness) throws {
    let (kube, pach) = contexts[phase]!
    try harness.folder.write(kube + "\n", to: "emu/kube/current")
    try harness.folder.write(pach + "\n", to: "emu/pach/active")
  }

  static func run(
    _ phase: String, _ harness: ScriptHarness, _ extra: [String] = [],
    environment: [String: String] = [:]
  ) throws -> ProcessResult {
    try harness.run(
      arguments(phase, harness) + extra, input: input(phase), environment: environment)
  }

  static let phases = ["old-cluster", "new-cluster", "retire"]

  /// A world in which the phases before `phase` ran cleanly, switched to
  /// `phase`, its calls cleared.
  static func ready(for phase: String) throws -> ScriptHarness {
    let harness = try self.harness()
    for earlier in phases.prefix(while: { $0 != phase }) {
      try switchTo(earlier, harness)
      let result = try run(earlier, harness)
      precondition(result.status == 0, "\(earlier): \(result.standardError)")
    }
    try switchTo(phase, harness)
    harness.clearCalls()
    return harness
  }

  /// Every file of the emulated world and of WORK_DIR, by path.
  static func snapshot(_ harness: ScriptHarness) -> [String: String] {
    var files: [String: String] = [:]
    for root in ["emu", "work"] {
      let base = harness.folder.file(root)
      guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
      for case let path as String in enumerator {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isFolder)
        guard !isFolder.boolValue, var text = harness.folder.read(root + "/" + path) else {
          continue
        }
        // xargs -P3 stops and starts pipelines in any order: the changes
        // are compared as a multiset.
        if path.hasSuffix("/events") {
          text = text.split(separator: "\n").sorted().joined(separator: "\n")
        }
        files[root + "/" + path] = text
      }
    }
    return files
  }

  /// The changes recorded by the emulated cluster `path` (e.g.
  /// `east/pachyderm`), one a line, each made once.
  static func events(_ harness: ScriptHarness, _ path: String) -> [String] {
    (harness.folder.read("emu/k8s/\(path)/events") ?? "").split(separator: "\n").map(String.init)
  }
}
