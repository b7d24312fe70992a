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
    // The pipeline stopped before the migration is neither.
    let events = PachydermWorld.events(harness, "east/pachyderm")
    let pipelines = PachydermWorld.migratedPipelines
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

  /// Correction "Only the pipelines the migration stopped are restarted":
  /// `held`, stopped by its owner before the migration, stays stopped
  /// while the others run again.
  @Test func aPipelineStoppedBeforeTheMigrationStaysStopped() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let result = try PachydermWorld.run("old-cluster", harness)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      harness.folder.read("emu/k8s/east/pachyderm/pipelines/held") == PachydermWorld.heldPipeline)
    #expect(!PachydermWorld.events(harness, "east/pachyderm").contains { $0.contains("held") })
    #expect(!harness.commandCalls.contains { $0.hasSuffix(" pipeline held") })
    for pipeline in ["edges", "montage"] {
      #expect(
        harness.folder.read("emu/k8s/east/pachyderm/pipelines/\(pipeline)")
          == "PIPELINE_RUNNING 0 PIPELINE_RUNNING 0\n")
    }
    // The record, taken by start-pipelines.
    #expect(harness.folder.read("work/pipelines-stopped-before") == nil)
    #expect(harness.folder.read("work/pipelines-stopped-before.used") == "held\n")
  }

  /// A resume after some pipelines were stopped keeps the first record:
  /// rewritten then, it would name the pipelines the migration stopped, and
  /// they would never be started.
  @Test func aResumeAfterSomeStopsKeepsTheFirstRecord() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let failed = try PachydermWorld.run(
      "old-cluster", harness,
      environment: [
        "STUB_FAIL_CALL": "pachctl stop pipeline edges", "STUB_FAIL_FORM": "after",
      ])
    #expect(failed.status == 1)
    #expect(harness.folder.read("emu/k8s/east/pachyderm/pipelines/edges")?.contains(" 1 ") == true)
    #expect(harness.folder.read("work/pipelines-stopped-before") == "held\n")
    let resumed = try PachydermWorld.run("old-cluster", harness, ["--resume"])
    #expect(resumed.status == 0, "\(resumed.standardError)")
    #expect(harness.folder.read("work/pipelines-stopped-before.used") == "held\n")
    #expect(
      harness.folder.read("emu/k8s/east/pachyderm/pipelines/edges")
        == "PIPELINE_RUNNING 0 PIPELINE_RUNNING 0\n")
    #expect(
      harness.folder.read("emu/k8s/east/pachyderm/pipelines/held") == PachydermWorld.heldPipeline)
  }

  /// A later run of the phase (--restart) records afresh: the owner has
  /// since started `held` and stopped `edges`, and the second run leaves
  /// `edges` stopped and starts `held` again.
  @Test func aRestartedPhaseRecordsTheStoppedPipelinesAfresh() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let first = try PachydermWorld.run("old-cluster", harness)
    #expect(first.status == 0, "\(first.standardError)")
    try harness.folder.write(
      "PIPELINE_RUNNING 0 PIPELINE_RUNNING 0\n", to: "emu/k8s/east/pachyderm/pipelines/held")
    try harness.folder.write(
      "PIPELINE_PAUSED 1 PIPELINE_PAUSED 0\n", to: "emu/k8s/east/pachyderm/pipelines/edges")
    let second = try PachydermWorld.run("old-cluster", harness, ["--restart"])
    #expect(second.status == 0, "\(second.standardError)")
    #expect(harness.folder.read("work/pipelines-stopped-before.used") == "edges\n")
    #expect(
      harness.folder.read("emu/k8s/east/pachyderm/pipelines/edges")
        == "PIPELINE_PAUSED 1 PIPELINE_PAUSED 0\n")
    #expect(
      harness.folder.read("emu/k8s/east/pachyderm/pipelines/held")
        == "PIPELINE_RUNNING 0 PIPELINE_RUNNING 0\n")
  }

  /// Without the record, start-pipelines cannot tell the pipelines the
  /// migration stopped from those stopped before it, and starts none.
  @Test func startingWithoutTheRecordStartsNothing() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let result = try PachydermWorld.run(
      "old-cluster", harness, ["--only", "start-pipelines"])
    #expect(result.status == 1)
    #expect(
      result.standardError.contains("no record of the pipelines stopped before the migration"))
    #expect(!harness.commandCalls.contains { $0.hasPrefix("pachctl start") })
    #expect(
      harness.folder.read("emu/k8s/east/pachyderm/pipelines/held") == PachydermWorld.heldPipeline)
  }

  /// Correction "pachctl must be 1.9.1 or later": an older pachctl stops
  /// the phase before any step, and before any `pachctl config` call (which
  /// it lacks); versions are compared as numbers (1.10.0 passes).
  @Test(arguments: [
    ("old-cluster", "1.8.7", false), ("old-cluster", "1.9.0", false),
    ("old-cluster", "1.9.1", true), ("old-cluster", "1.9.12", true),
    ("old-cluster", "1.10.0", true), ("new-cluster", "1.8.7", false),
  ])
  func pachctlMustBe191OrLater(phase: String, client: String, runs: Bool) throws {
    let harness = try PachydermWorld.ready(for: phase)
    try harness.folder.write(client + "\n", to: "emu/pach/client")
    let result = try PachydermWorld.run(phase, harness)
    if runs {
      #expect(result.status == 0, "\(result.standardError)")
      #expect(result.standardOutput.contains("  ok: pachctl is 1.9.1 or later"))
    } else {
      #expect(result.status == 3)
      #expect(result.standardError.contains("preflight failed: pachctl is 1.9.1 or later"))
      #expect(result.standardError.contains("    \(client)\n"))
      #expect(harness.stepCalls.isEmpty)
      #expect(!harness.commandCalls.contains { $0.hasPrefix("pachctl config") })
    }
    #expect(harness.commandCalls.contains("pachctl version --client-only"))
  }

  /// Correction "The bucket clone prints errors only": the clone's output,
  /// printed when the group ends, holds no line per object, but its errors.
  @Test func theCloneShowsOnlyItsErrors() throws {
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let result = try PachydermWorld.run("old-cluster", harness)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      harness.commandCalls.contains("aws s3 sync --only-show-errors s3://mybucket s3://mybucket2"))
    #expect(!result.standardOutput.contains("copy: "))
    #expect(harness.folder.read("emu/s3/mybucket2/obj2") == "two\n")
    let failing = try PachydermWorld.ready(for: "old-cluster")
    let failed = try PachydermWorld.run(
      "old-cluster", failing, ["--clone-bucket", "s3://nobucket"])
    #expect(failed.status == 1)
    let output = failed.standardOutput + failed.standardError
    let shown = try #require(output.range(of: "Output of clone-bucket:"))
    #expect(output[shown.upperBound...].contains("NoSuchBucket"))
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
    // The listings before the wait: the record's and the stop's.
    let stop = try #require(
      Pachyderm.version1.phases.flatMap(\.steps).first { $0.id == "stop-pipelines" })
    let listings = stop.actions.filter { $0.kind == .shell }.flatMap(\.shellTexts)
      .map { $0.components(separatedBy: "list pipeline --raw").count - 1 }.reduce(0, +)
    let harness = try PachydermWorld.ready(for: "old-cluster")
    let result = try harness.run(
      PachydermWorld.arguments("old-cluster", harness) + ["--wait-timeout", "1"],
      input: PachydermWorld.input("old-cluster"),
      environment: ["EMU_LIST_FAILS_AFTER": "\(listings)"])
    #expect(harness.commandCalls.filter { $0.hasPrefix("pachctl stop pipeline") }.count == 3)
    #expect(result.status == 6)  // the status of a wait that timed out
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

  /// Finding "when the context was switched while the retire confirmation
  /// waited, the new cluster's pachd was scaled to zero": another terminal
  /// switches kubectl to the new cluster right after the preflight check;
  /// the pinned call still scales the old one.
  @Test func aContextSwitchedAfterTheCheckChangesNothingOfTheOtherCluster() throws {
    let harness = try PachydermWorld.ready(for: "retire")
    try harness.folder.write("new-ctx\n", to: "emu/kube/switch-after-check")
    let result = try PachydermWorld.run("retire", harness)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.folder.read("emu/kube/current") == "new-ctx\n", "the switch happened")
    #expect(harness.folder.read("emu/k8s/east/pachyderm/replicas") == "0\n")
    #expect(harness.folder.read("emu/k8s/west/pachyderm-v2/replicas") == "1\n")
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
        "repo broken created", "repo edges created", "repo held created", "repo images created",
        "repo montage created", "pipeline broken created", "pipeline edges created",
        "pipeline held created", "pipeline montage created",
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
