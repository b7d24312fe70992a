import Catalog
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// The generated Pachyderm script, run against the emulated clusters of
/// `PachydermWorld` (xargs, sed, awk, mkdir and mv are the real ones).
@Suite struct PachydermTests {
  /// The original service spec, as the emulated API server prints it.
  static let originalService = #""resourceVersion": "3065091""#

  private func span(_ harness: ScriptHarness, _ prefix: String) -> ClosedRange<Int>? {
    let calls = harness.commandCalls
    guard let first = calls.firstIndex(where: { $0.hasPrefix(prefix) }),
      let last = calls.lastIndex(where: { $0.hasPrefix(prefix) })
    else { return nil }
    return first...last
  }

  @Test func theOldClusterIsPausedBackedUpClonedAndRestarted() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let result = try PachydermWorld.run("old-cluster", harness)
    #expect(result.status == 0, "\(result.standardError)")
    // Stop, then the backup and the clone (in either order), then start.
    let stop = try #require(span(harness, "pachctl stop pipeline"))
    let extract = try #require(span(harness, "pachctl extract"))
    let clone = try #require(span(harness, "aws s3 sync"))
    let start = try #require(span(harness, "pachctl start pipeline"))
    #expect(stop.upperBound < extract.lowerBound && stop.upperBound < clone.lowerBound)
    #expect(extract.upperBound < start.lowerBound && clone.upperBound < start.lowerBound)
    #expect(
      result.standardOutput.contains(
        "(extract-backup, at the same time as the others of group backup)"))
    // Pipelines stopped and started once each; the failed one counts as
    // stopped and stays failed; the port moved away and back, once each.
    let events = PachydermWorld.events(harness, "east/pachyderm")
    let pipelines = ["broken", "edges", "montage"]
    #expect(
      events.sorted()
        == (pipelines.map { "pipeline \($0) stopped" } + pipelines.map { "pipeline \($0) started" }
        + ["service pachd nodePort 30650 -> 30649", "service pachd nodePort 30649 -> 30650"])
        .sorted())
    #expect(events.firstIndex(of: "service pachd nodePort 30650 -> 30649") == 3)
    #expect(events.last == "service pachd nodePort 30649 -> 30650")
    #expect(harness.folder.read("emu/s3/mybucket2/obj1") == "one\n")
    #expect(harness.folder.read("emu/s3/mybucket2/obj2") == "two\n")
    #expect(
      harness.folder.read("emu/k8s/east/pachyderm/pipelines/edges")
        == "PIPELINE_RUNNING 0 PIPELINE_RUNNING 0\n")
    #expect(
      harness.folder.read("emu/k8s/east/pachyderm/pipelines/broken")
        == "PIPELINE_FAILURE 0 PIPELINE_FAILURE 0\n")
  }

  /// Correction "Only pachd's nodePort is changed": the spec holds 30650
  /// in its resourceVersion, which `sed 's/30650/30649/g'` would corrupt.
  @Test func onlyTheNodePortMovesAndTheSavedSpecIsTheOriginal() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let result = try PachydermWorld.run("old-cluster", harness)
    #expect(result.status == 0, "\(result.standardError)")
    let saved = try #require(harness.folder.read("work/pachd_service_backup_30650.json"))
    #expect(saved.contains(Self.originalService))
    #expect(saved.contains(#""name": "api-grpc-port", "nodePort": 30650"#))
    #expect(!harness.commandCalls.contains { $0.contains(" apply ") })
    // Two changes, so two new resource versions.
    #expect(harness.folder.read("emu/k8s/east/pachyderm/resourceversion") == "3065093\n")
    #expect(harness.folder.read("emu/pach/contexts/old-pach/address") == "10.0.0.1:30650\n")
  }

  /// Correction "The saved service spec is written once": a resume after
  /// the port moved keeps the original spec.
  @Test func aResumeAfterThePortMovedKeepsTheOriginalSpec() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let failed = try PachydermWorld.run(
      "old-cluster", harness,
      environment: [
        "STUB_FAIL_CALL":
          "pachctl config update context old-pach --pachd-address=10.0.0.1:30649",
        "STUB_FAIL_FORM": "before",
      ])
    #expect(failed.status == 1)
    #expect(harness.folder.read("emu/k8s/east/pachyderm/nodeport") == "30649\n")
    let resumed = try PachydermWorld.run("old-cluster", harness, ["--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    let saved = try #require(harness.folder.read("work/pachd_service_backup_30650.json"))
    #expect(saved.contains(#""nodePort": 30650"#) && saved.contains(Self.originalService))
    #expect(
      PachydermWorld.events(harness, "east/pachyderm").filter { $0.hasPrefix("service") } == [
        "service pachd nodePort 30650 -> 30649", "service pachd nodePort 30649 -> 30650",
      ])
  }

  /// Correction "A stopped pipeline is paused or failed, and the listing
  /// must succeed": a wait whose listing fails times out, never passes.
  @Test func theStopWaitDoesNotPassWhenTheListingFails() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let result = try harness.run(
      PachydermWorld.arguments("old-cluster", harness) + ["--wait-timeout", "1"],
      input: PachydermWorld.input("old-cluster"), environment: ["EMU_LIST_FAILS_AFTER": "1"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("timed out after"))
    #expect(!harness.commandCalls.contains { $0.hasPrefix("pachctl extract") })
  }

  /// Correction "Every kubectl and pachctl call names its context".
  @Test func everyKubectlCallOfAStepNamesItsContext() throws {
    for phase in PachydermWorld.phases {
      let harness = try PachydermWorld.ready(for: phase)
      let result = try PachydermWorld.run(phase, harness)
      #expect(result.status == 0, "\(phase): \(result.standardError)")
      let kubectl = harness.stepCalls.map(\.call).filter { $0.hasPrefix("kubectl ") }
      #expect(phase == "new-cluster" || !kubectl.isEmpty)
      let context = PachydermWorld.contexts[phase]!.kube
      #expect(kubectl.allSatisfy { $0.hasPrefix("kubectl --context \(context) ") }, "\(kubectl)")
    }
    let pinned = Pachyderm.version1.phases.flatMap(\.steps).flatMap(\.actions).flatMap(\.shellTexts)
      .flatMap { $0.split(separator: "\n") }
      .filter { $0.contains("pachctl ") && !$0.contains("`pachctl") }
    // A pachctl call either runs pinned, or names the context it changes.
    #expect(
      pinned.allSatisfy {
        $0.contains(#"PACH_CONTEXT="${"#)
          || $0.contains(#"config update context "${PACH_CONTEXT}""#)
      }, "\(pinned)")
  }

  /// Correction "The old namespace is named".
  @Test func theNamespaceHasNoDefault() throws {
    let harness = try PachydermWorld.ready(for: "retire")
    let result = try harness.run(
      ["retire", "--kube-context", "old-ctx", "--work-dir", harness.folder.file("work")],
      input: "yes\ndone\n")
    #expect(result.status == 2)
    #expect(result.standardError.contains("--namespace"))
    #expect(
      PachydermWorld.events(harness, "east/pachyderm").allSatisfy { !$0.contains("replicas") })
  }

  /// Correction "The backup is extracted to a file, then copied": the
  /// object at --backup-url holds no object of the bucket.
  @Test func theBackupAtTheURLHasNoObjects() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let result = try PachydermWorld.run("old-cluster", harness)
    #expect(result.status == 0, "\(result.standardError)")
    let uploaded = try #require(harness.folder.read("emu/s3/backups/pachyderm"))
    #expect(uploaded == harness.folder.read("work/pachyderm-backup"))
    #expect(uploaded.contains("pipeline edges") && !uploaded.contains("object "))
    #expect(!harness.commandCalls.contains { $0.contains("--url") })
  }

  @Test func aWrongKubeContextStopsBeforeAnyStep() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    try harness.folder.write("new-ctx\n", to: "emu/kube/current")
    let result = try PachydermWorld.run("old-cluster", harness)
    #expect(result.status == 3)
    #expect(result.standardError.contains("kubectl talks to the old cluster"))
    #expect(harness.stepCalls.isEmpty)
  }

  @Test func aWrongPachctlContextStopsBeforeAnyStep() throws {
    let harness = try PachydermWorld.ready(for: "new-cluster")
    try harness.folder.write("old-pach\n", to: "emu/pach/active")
    let result = try PachydermWorld.run("new-cluster", harness)
    #expect(result.status == 3)
    #expect(result.standardError.contains("pachctl talks to the new Pachyderm cluster"))
    #expect(harness.stepCalls.isEmpty)
  }

  @Test func theNewClusterIsCheckedThenRestoredFromTheBackup() throws {
    let harness = try PachydermWorld.ready(for: "new-cluster")
    let result = try PachydermWorld.run("new-cluster", harness)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      harness.stepCalls.map(\.call) == [
        "pachctl version", "pachctl version",
        "aws s3 cp s3://backups/pachyderm $DIR/work/pachyderm-backup.downloaded",
        "pachctl list repo --raw", "pachctl restore",
      ])
    #expect(
      PachydermWorld.events(harness, "west/pachyderm-v2") == [
        "repo broken created", "repo edges created", "repo images created",
        "repo montage created", "pipeline broken created", "pipeline edges created",
        "pipeline montage created",
      ])
    let record = try #require(
      harness.folder.read("home/.gen-migration/pachyderm/pachyderm.new-cluster.done"))
    #expect(record.hasPrefix("phase new-cluster\ninput NEW_KUBE_CONTEXT value:"))
  }

  /// Correction "A restore runs again only into its own partial restore".
  @Test func aRestoreIntoANonEmptyClusterIsRefused() throws {
    let harness = try PachydermWorld.ready(for: "new-cluster")
    try harness.folder.write("", to: "emu/k8s/west/pachyderm-v2/repos/other")
    let result = try PachydermWorld.run("new-cluster", harness)
    #expect(result.status == 1)
    #expect(result.standardError.contains("already holds repos"))
    #expect(!harness.commandCalls.contains { $0.hasPrefix("pachctl restore") })
  }

  @Test func theNewPachdMustRunTheNewVersion() throws {
    let harness = try PachydermWorld.ready(for: "new-cluster")
    let result = try harness.run(
      PachydermWorld.arguments("new-cluster", harness) + ["--pach-version", "1.10.0"],
      input: "done\ndone\n")
    #expect(result.status == 1)
    #expect(result.standardError.contains("does not report the version given with --pach-version"))
    #expect(!harness.commandCalls.contains { $0.hasPrefix("pachctl restore") })
  }

  /// Parameter rules: moving pachd's port needs its address, and the clone
  /// must go into another bucket. Both are refused before any call.
  @Test(arguments: [
    (
      ["--pachd-host", ""],
      "missing parameter PACHD_HOST, required when PAUSE_DATA_LOADING is yes"
    ),
    (
      ["--clone-bucket", "s3://mybucket"],
      "--clone-bucket must differ from --source-bucket, and both are 's3://mybucket'"
    ),
  ])
  func theOldClusterPhaseRefusesInputsThatBreakARule(change: [String], message: String) throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let result = try PachydermWorld.run("old-cluster", harness, change)
    #expect(result.status == 2)
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(harness.calls.isEmpty)
  }

  /// Correction "The old cluster is retired only after the new one is built".
  @Test func retiringNeedsTheNewClusterBuilt() throws {
    let harness = try PachydermWorld.ready(for: "new-cluster")
    try PachydermWorld.switchTo("retire", harness)
    let result = try PachydermWorld.run("retire", harness)
    #expect(result.status == 3)
    #expect(
      result.standardError.contains(
        "phase retire runs only after phase new-cluster completed, and \(harness.folder.file("home"))/.gen-migration/pachyderm/pachyderm.new-cluster.done records no completed run of it"
      ))
    #expect(harness.stepCalls.isEmpty)
  }

  @Test func retiringScalesTheOldPachdToZeroAfterAConfirmation() throws {
    let harness = try PachydermWorld.ready(for: "retire")
    let declined = try harness.run(
      PachydermWorld.arguments("retire", harness), input: "no\n")
    #expect(declined.status == 4)
    #expect(harness.stepCalls.isEmpty)
    let confirmed = try PachydermWorld.run("retire", harness, ["--resume"])
    #expect(confirmed.status == 0, "\(confirmed.standardError)")
    #expect(
      harness.stepCalls.map(\.call) == [
        "kubectl --context old-ctx scale deployment/pachd --namespace pachyderm --replicas=0"
      ])
    #expect(
      PachydermWorld.events(harness, "east/pachyderm").last == "deployment pachd replicas 1 -> 0")
  }
}
