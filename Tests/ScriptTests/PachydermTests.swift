import Catalog
import Foundation
import Templates
import TestSupport
import Testing

/// The generated Pachyderm script, run against stub kubectl, pachctl, jq and
/// aws (xargs, sed, awk and mkdir are the real ones).
@Suite struct PachydermTests {
  static let script = BashScript.render(Pachyderm.version1, generator: Outputs.generator)

  /// What `jq` is called with to find the pipelines that are (not) paused.
  static let notPaused = #"jq -r select\(.state\ \!=\ \"PIPELINE_PAUSED\"\)\ \|\ .pipeline.name"#
  static let paused = #"jq -r select\(.state\ ==\ \"PIPELINE_PAUSED\"\)\ \|\ .pipeline.name"#

  /// A harness whose kubectl and pachctl talk to the given contexts, with
  /// one pipeline, `edges` (with more, xargs -P3 would run stubs at
  /// the same time, whose log lines could interleave).
  private func harness(kube: String, pach: String) throws -> ScriptHarness {
    let harness = try ScriptHarness(
      script: Self.script, stubs: ["kubectl", "pachctl", "jq", "aws"])
    try harness.rule("kubectl", "config current-context", output: kube + "\n")
    try harness.rule("pachctl", "config get active-context", output: pach + "\n")
    try harness.rule("jq", "-r .pipeline.name", output: "edges\n")
    try harness.rule("kubectl", "get svc/pachd *", output: #"{"nodePort": 30650}"# + "\n")
    try harness.rule(
      "pachctl", "version", output: "COMPONENT VERSION\npachctl 1.9.0\npachd 1.9.0\n")
    return harness
  }

  private func oldArguments(_ harness: ScriptHarness, _ extra: [String] = []) -> [String] {
    [
      "old-cluster", "--kube-context", "old-ctx", "--pach-context", "old-pach",
      "--source-bucket", "s3://mybucket", "--clone-bucket", "s3://mybucket2",
      "--work-dir", harness.folder.file("work"),
    ] + extra
  }

  /// The calls after the preflight checks, sorted: pipes, xargs -P3 and the
  /// concurrent steps make calls at the same time, so their order varies.
  private func stepCalls(_ harness: ScriptHarness) -> [String] {
    Array(harness.commandCalls.dropFirst(2)).sorted()
  }

  /// Where the first and the last call starting with `prefix` were made.
  private func span(_ harness: ScriptHarness, _ prefix: String) -> ClosedRange<Int>? {
    let calls = harness.commandCalls
    guard let first = calls.firstIndex(where: { $0.hasPrefix(prefix) }),
      let last = calls.lastIndex(where: { $0.hasPrefix(prefix) })
    else { return nil }
    return first...last
  }

  /// The calls of the steps every old-cluster run makes, sorted.
  static let oldClusterCalls = [
    "aws s3 sync s3://mybucket s3://mybucket2",
    "jq -r .pipeline.name", "jq -r .pipeline.name", paused, notPaused,
    "pachctl list pipeline --raw", "pachctl list pipeline --raw", "pachctl list pipeline --raw",
    "pachctl list pipeline --raw", "pachctl start pipeline edges", "pachctl stop pipeline edges",
  ]

  @Test func theOldClusterIsPausedBackedUpClonedAndRestarted() throws {
    let harness = try harness(kube: "old-ctx", pach: "old-pach")
    let result = try harness.run(oldArguments(harness), input: "done\ndone\ndone\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      harness.commandCalls.prefix(2) == [
        "kubectl config current-context", "pachctl config get active-context",
      ])
    #expect(
      stepCalls(harness) == (Self.oldClusterCalls + ["pachctl extract --no-objects"]).sorted())
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
    #expect(FileManager.default.fileExists(atPath: harness.folder.file("work/pachyderm-backup")))
  }

  @Test func theBackupCanGoToAnObjectStore() throws {
    let harness = try harness(kube: "old-ctx", pach: "old-pach")
    let result = try harness.run(
      oldArguments(harness, ["--backup-url", "s3://backups/pachyderm"]),
      input: "done\ndone\ndone\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      stepCalls(harness)
        == (Self.oldClusterCalls + ["pachctl extract --no-objects --url s3://backups/pachyderm"])
        .sorted())
    #expect(!FileManager.default.fileExists(atPath: harness.folder.file("work/pachyderm-backup")))
  }

  @Test func thePortIsMovedOnlyWhenDataLoadingIsPausedByTheScript() throws {
    let harness = try harness(kube: "old-ctx", pach: "old-pach")
    let result = try harness.run(
      oldArguments(harness, ["--pause-data-loading", "yes", "--pachd-host", "10.0.0.1"]),
      input: "done\ndone\ndone\n")
    #expect(result.status == 0, "\(result.standardError)")
    let move = [
      "kubectl get svc/pachd --namespace default -o json",
      "kubectl get svc/pachd --namespace default -o json", "kubectl apply -f -",
      "pachctl config get active-context",
    ]
    #expect(
      stepCalls(harness)
        == (Self.oldClusterCalls + move + move + [
          "pachctl extract --no-objects",
          "pachctl config update context old-pach --pachd-address=10.0.0.1:30649",
          "pachctl config update context old-pach --pachd-address=10.0.0.1:30650",
          "pachctl version", "pachctl version",
        ]).sorted())
    // Closed after the pipelines stopped and before the backup; reopened
    // after the pipelines started.
    let closed = try #require(
      span(harness, "pachctl config update context old-pach --pachd-address=10.0.0.1:30649"))
    let reopened = try #require(
      span(harness, "pachctl config update context old-pach --pachd-address=10.0.0.1:30650"))
    #expect(try #require(span(harness, "pachctl stop pipeline")).upperBound < closed.lowerBound)
    #expect(closed.upperBound < (try #require(span(harness, "pachctl extract"))).lowerBound)
    #expect(try #require(span(harness, "pachctl start pipeline")).upperBound < reopened.lowerBound)
    // The service is applied with the port replaced, and back again.
    #expect(
      harness.calls.filter { $0.hasPrefix("  | ") } == [
        #"  | {"nodePort": 30649}"#, #"  | {"nodePort": 30650}"#,
      ])
    #expect(
      harness.folder.read("work/pachd_service_backup_30650.json") == #"{"nodePort": 30650}"# + "\n")
    #expect(
      harness.folder.read("work/pachd_service_backup_30649.json") == #"{"nodePort": 30650}"# + "\n")

    let without = try self.harness(kube: "old-ctx", pach: "old-pach")
    let plain = try without.run(oldArguments(without), input: "done\ndone\ndone\n")
    #expect(plain.status == 0, "\(plain.standardError)")
    #expect(!without.commandCalls.contains { $0.hasPrefix("kubectl get svc/pachd") })
    #expect(!without.commandCalls.contains { $0.hasPrefix("pachctl config update") })
  }

  @Test func movingThePortNeedsTheAddressOfPachd() throws {
    let harness = try harness(kube: "old-ctx", pach: "old-pach")
    let result = try harness.run(
      oldArguments(harness, ["--pause-data-loading", "yes"]), input: "done\ndone\ndone\n")
    #expect(result.status == 1)
    #expect(result.standardError.contains("--pause-data-loading yes needs --pachd-host"))
    #expect(!harness.commandCalls.contains { $0.hasPrefix("kubectl get svc/pachd") })
    #expect(!harness.commandCalls.contains { $0.hasPrefix("pachctl extract") })
  }

  @Test func aWrongKubeContextStopsBeforeAnyStep() throws {
    let harness = try harness(kube: "new-ctx", pach: "old-pach")
    let result = try harness.run(oldArguments(harness), input: "done\ndone\ndone\n")
    #expect(result.status == 3)
    #expect(result.standardError.contains("kubectl talks to the old cluster"))
    #expect(harness.stepCalls.isEmpty)
    #expect(harness.commandCalls == ["kubectl config current-context"])
  }

  @Test func aWrongPachctlContextStopsBeforeAnyStep() throws {
    let harness = try harness(kube: "new-ctx", pach: "old-pach")
    let result = try harness.run(
      [
        "new-cluster", "--new-kube-context", "new-ctx", "--new-pach-context", "new-pach",
        "--pach-version", "1.9.0", "--work-dir", harness.folder.file("work"),
      ], input: "done\ndone\n")
    #expect(result.status == 3)
    #expect(result.standardError.contains("pachctl talks to the new Pachyderm cluster"))
    #expect(harness.stepCalls.isEmpty)
  }

  @Test func theNewClusterIsCheckedThenRestoredFromTheBackup() throws {
    let harness = try harness(kube: "new-ctx", pach: "new-pach")
    try harness.folder.write("backup\n", to: "work/pachyderm-backup")
    let result = try harness.run(
      [
        "new-cluster", "--new-kube-context", "new-ctx", "--new-pach-context", "new-pach",
        "--pach-version", "1.9.0", "--work-dir", harness.folder.file("work"),
      ], input: "done\ndone\n")
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      harness.stepCalls.map(\.call) == ["pachctl version", "pachctl version", "pachctl restore"])
  }

  @Test func theNewPachdMustRunTheNewVersion() throws {
    let harness = try harness(kube: "new-ctx", pach: "new-pach")
    let result = try harness.run(
      [
        "new-cluster", "--new-kube-context", "new-ctx", "--new-pach-context", "new-pach",
        "--pach-version", "1.10.0", "--work-dir", harness.folder.file("work"),
      ], input: "done\ndone\n")
    #expect(result.status == 1)
    #expect(result.standardError.contains("does not report the version given with --pach-version"))
    #expect(!harness.commandCalls.contains { $0.hasPrefix("pachctl restore") })
  }

  @Test func retiringScalesTheOldPachdToZeroAfterAConfirmation() throws {
    let harness = try harness(kube: "old-ctx", pach: "old-pach")
    let declined = try harness.run(["retire", "--kube-context", "old-ctx"], input: "no\n")
    #expect(declined.status == 4)
    #expect(harness.stepCalls.isEmpty)
    let confirmed = try harness.run(
      ["retire", "--kube-context", "old-ctx", "--resume"], input: "yes\ndone\n")
    #expect(confirmed.status == 0, "\(confirmed.standardError)")
    #expect(
      harness.stepCalls.map(\.call) == [
        "kubectl scale deployment/pachd --namespace default --replicas=0"
      ])
  }
}
