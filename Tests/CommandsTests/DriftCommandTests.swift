import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// `gen-migration drift RUNBOOK SCRIPT`: the commands of a runbook's code
/// blocks and of a hand-written script, aligned; what only one has and what
/// differs, and exit 1 when they drift.
@Suite struct DriftCommandTests {
  static let runbook = """
    # Demo

    Stop the database:

    ```bash
    kubectl scale statefulset -n ${NS} db --replicas=0
    ```

    Save the table:

    ```bash
    kubectl cp ${NS}/db-0:/tmp/site_config.csv ${DIR}/site_config.csv
    kubectl exec db-0 -n ${NS} -- psql -U sense \\
      -c "TRUNCATE site_config"
    ```

    ```console
    $ kubectl delete pod db-0 -n ${NS}
    pod "db-0" deleted
    ```

    ```bash
    rm -r ${DIR}
    ```
    """

  /// The runbook's commands as a script, with quoting and spelling changes only.
  static let inSyncScript = """
    #!/usr/bin/env bash
    set -euo pipefail

    # Stop the database.
    main() {
      kubectl scale statefulset -n "$NS" db   --replicas=0
      kubectl cp "${NS}/db-0:/tmp/site_config.csv" "$DIR/site_config.csv"
      kubectl exec db-0 -n "${NS}" -- psql -U sense -c 'TRUNCATE site_config'
      kubectl delete pod db-0 -n $NS
      rm -r "${DIR}"
    }

    main "$@"
    """

  @Test func quotingSpacingAndVariableSpellingAreNotDrift() {
    let drift = CommandDrift.compare(runbook: Self.runbook, script: Self.inSyncScript)
    #expect(drift.isInSync, "\(drift.findings)")
    #expect(drift.runbookCommands == 5)
    #expect(drift.scriptCommands == 5)
    #expect(drift.same == 5)
  }

  @Test func reportsAChangedCommandAStepInOneCopyOnlyAndATypo() {
    let script = """
      #!/usr/bin/env bash
      set -Eeuo pipefail
      kubectl scale statefulset -n "$NS" db --replicas=1
      kubectl get pods -n "$NS"
      kubectl cp "${NS}/db-0:/tmp/site_config.csv" "$DIR/site_config.csv"
      kubectl exec db-0 -n "${NS}" -- psql -U sense -c 'TRUNCATE site_config'
      kubectl delte pod db-0 -n $NS
      """
    let drift = CommandDrift.compare(runbook: Self.runbook, script: script)
    typealias C = CommandDrift.Command
    #expect(
      drift.findings == [
        .init(
          kind: .differs,
          runbook: C(line: 6, text: "kubectl scale statefulset -n ${NS} db --replicas=0"),
          script: C(line: 3, text: #"kubectl scale statefulset -n "$NS" db --replicas=1"#)),
        .init(
          kind: .onlyInScript, runbook: nil, script: C(line: 4, text: #"kubectl get pods -n "$NS""#)
        ),
        .init(
          kind: .differs, runbook: C(line: 18, text: "kubectl delete pod db-0 -n ${NS}"),
          script: C(line: 7, text: "kubectl delte pod db-0 -n $NS")),
        .init(kind: .onlyInRunbook, runbook: C(line: 23, text: "rm -r ${DIR}"), script: nil),
      ])
    #expect(drift.same == 2)
    let text = drift.text(runbook: "README.md", script: "migrate.sh")
    #expect(text.contains("only in the runbook, README.md:23: rm -r ${DIR}\n"))
    #expect(text.contains("only in the script, migrate.sh:4: kubectl get pods -n \"$NS\"\n"))
    #expect(
      text.contains(
        "differs:\n  README.md:18: kubectl delete pod db-0 -n ${NS}\n  migrate.sh:7: kubectl delte pod db-0 -n $NS\n"
      ))
    #expect(text.hasSuffix("2 the same, 2 differ, 1 only in the runbook, 1 only in the script\n"))
  }

  /// Seed 000 says its README and migrate.sh must be kept in sync; a script
  /// built from its commands with the kinds of drift its published script has.
  @Test func seedReadmeAgainstADriftedScript() throws {
    let readme = try ImportCommandTests.seed("000_c03035f39e560ae8.txt")
    let commands = CommandDrift.compare(runbook: readme, script: "").findings.compactMap(\.runbook)
    #expect(commands.count > 50)
    var lines = ["#!/usr/bin/env bash", "set -euo pipefail", "", "run() {"]
    var expected: [CommandDrift.Kind] = []
    for command in commands {
      if command.text == "rm /var/lib/cdsw/current/db.sql" {
        expected.append(.onlyInRunbook)  // a step present only in the README
        continue
      }
      if command.text.hasPrefix("kubectl cp ${NAMESPACE}/db-0:/tmp/$site_config.csv") {
        // The README's typo, fixed in the script only.
        lines.append(
          #"  kubectl cp "${NAMESPACE}/db-0:/tmp/site_config.csv" "${TEMP_DIR}/site_config.csv""#)
        expected.append(.differs)
        continue
      }
      if command.text == "kubectl scale statefulset -n ${NAMESPACE} db --replicas=0" {
        // Changed in one copy only.
        lines.append(#"  kubectl scale statefulset -n "$NAMESPACE" db --replicas=0 --timeout=60s"#)
        expected.append(.differs)
        continue
      }
      // Quoting only: not drift.
      lines.append("  " + command.text.replacing("${NAMESPACE}", with: "\"$NAMESPACE\""))
      if command.text == "NAMESPACE=mlx" {
        lines.append("  kubectl get namespace \"$NAMESPACE\"")  // a step only in the script
        expected.append(.onlyInScript)
      }
    }
    lines += ["}", "run \"$@\""]
    let drift = CommandDrift.compare(runbook: readme, script: lines.joined(separator: "\n"))
    #expect(
      drift.findings.map(\.kind).sorted { $0.rawValue < $1.rawValue }
        == expected.sorted { $0.rawValue < $1.rawValue })
    #expect(drift.findings.contains { $0.kind == .differs && $0.runbook?.line == 112 })
    #expect(drift.same == commands.count - 3)
  }

  @Test func exitsZeroInSyncOneOnDriftTwoOnAMissingFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Self.runbook, to: "README.md")
    try folder.write(Self.inSyncScript, to: "sync.sh")
    try folder.write(Self.inSyncScript.replacing("rm -r", with: "rm -rf"), to: "drift.sh")
    let inSync = GenMigration.run(["drift", folder.file("README.md"), folder.file("sync.sh")])
    #expect(inSync.status == 0, "\(inSync.standardOutput)")
    #expect(inSync.standardOutput.hasSuffix("5 the same: in sync\n"))
    let drifted = GenMigration.run(
      ["drift", folder.file("README.md"), folder.file("drift.sh"), "--format", "json"])
    #expect(drifted.status == 1)
    let json =
      try JSONSerialization.jsonObject(with: Data(drifted.standardOutput.utf8)) as? [String: Any]
    let findings = (json?["drift"] as? [String: Any])?["findings"] as? [[String: Any]]
    #expect(findings?.count == 1)
    #expect(findings?.first?["kind"] as? String == "differs")
    #expect(
      GenMigration.run(["drift", folder.file("README.md"), folder.file("none.sh")]).status == 2)
    #expect(GenMigration.run(["drift", folder.file("README.md")]).status == 2)
    #expect(
      GenMigration.run([
        "drift", folder.file("README.md"), folder.file("sync.sh"), "--format", "xml",
      ]).status == 2)
  }
}
