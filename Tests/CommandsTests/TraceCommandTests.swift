import Catalog
import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// `gen-migration trace`: every command line of a source document accounted for.
@Suite struct TraceCommandTests {
  /// The source documents, copied byte for byte into the repository's
  /// `seeds/` from `../shared/seeds` so that a fresh clone (CI) has them.
  static let seeds = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("seeds")

  static let source = """
    # Demo

    ```bash
    kubectl scale statefulset db --replicas=0
    rm -r /tmp/work
    watch kubectl get pods
    ```

    `kubectl get pods`
    """

  static func procedure(
    sources: [SourceReference], changes: [SourceReference] = [], omissions: [Omission] = []
  ) -> Procedure {
    Procedure(
      id: "demo", title: "Demo", version: "1.0", summary: "A demo.",
      phases: [
        Phase(id: "main", title: "Main", runsOn: "anywhere") {
          Section("Only") {
            Step("stop-db", "Stop the database", sources: sources) {
              ShellCommand("kubectl scale statefulset db --replicas=0")
            }
          }
        }
      ],
      corrections: [
        Correction(
          "Work directory is kept", source: "rm -r /tmp/work", problem: "It removes the state.",
          fix: "The script keeps it.", steps: ["stop-db"], changes: changes)
      ],
      omissions: omissions)
  }

  private func run(_ procedure: Procedure, format: [String] = []) throws -> GenMigration.Result {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Self.source, to: "source.md")
    try folder.write(
      String(decoding: try Procedure.canonicalEncoder.encode(procedure), as: UTF8.self),
      to: "demo.json")
    return GenMigration.run(["trace", folder.file("demo.json"), folder.file("source.md")] + format)
  }

  @Test func everyLineAccountedForExitsZero() throws {
    let result = try run(
      Self.procedure(
        sources: ["kubectl scale statefulset db --replicas=0"], changes: ["rm -r /tmp/work"],
        omissions: [
          Omission("watch kubectl get pods", reason: "a monitoring aid"),
          Omission("kubectl get pods", reason: "the same aid, inline"),
        ]))
    #expect(result.status == 0)
    #expect(result.standardError.isEmpty)
    #expect(
      result.standardOutput == """
        4: kubectl scale statefulset db --replicas=0
            step stop-db
        5: rm -r /tmp/work
            correction: Work directory is kept
        6: watch kubectl get pods
            omitted: a monitoring aid
            omitted: the same aid, inline
        9: kubectl get pods
            omitted: the same aid, inline
        demo@1.0: 4 command lines: 1 carried by steps, 1 changed by corrections, 2 omitted (a line may count more than once), 0 unaccounted, 0 stale references

        """)
  }

  @Test func anUnaccountedLineExitsOne() throws {
    let result = try run(Self.procedure(sources: ["kubectl scale statefulset db"]))
    #expect(result.status == 1)
    #expect(result.standardOutput.contains("5: rm -r /tmp/work\n    UNACCOUNTED"))
    #expect(result.standardOutput.contains("9: kubectl get pods\n    UNACCOUNTED"))
    #expect(result.standardOutput.contains(", 3 unaccounted, 0 stale references"))
  }

  @Test func aReferenceMatchingNoLineExitsOne() throws {
    let result = try run(
      Self.procedure(
        sources: ["kubectl scale statefulset db --replicas=1"], changes: ["rm -r /tmp/work"],
        omissions: [Omission("kubectl get pods", reason: "a monitoring aid")]))
    #expect(result.status == 1)
    #expect(
      result.standardOutput.contains(
        "stale reference of step stop-db: kubectl scale statefulset db --replicas=1"))
  }

  /// `9: kubectl get pods` matches the command line on line 9 only, not
  /// `watch kubectl get pods` on line 6 that holds it too; a numbered
  /// reference whose line does not hold its text is stale.
  @Test func aNumberedReferenceMatchesOnlyItsLine() throws {
    let result = try run(
      Self.procedure(
        sources: ["kubectl scale statefulset db --replicas=0"], changes: ["rm -r /tmp/work"],
        omissions: [
          Omission("6: watch kubectl get pods", reason: "a monitoring aid"),
          Omission("9: kubectl get pods", reason: "the same aid, inline"),
          Omission("5: kubectl get pods", reason: "not on line 5"),
        ]))
    #expect(result.status == 1)
    #expect(
      result.standardOutput.contains(
        """
        6: watch kubectl get pods
            omitted: a monitoring aid
        9: kubectl get pods
            omitted: the same aid, inline
        stale reference of omission 3: 5: kubectl get pods
        demo@1.0: 4 command lines: 1 carried by steps, 1 changed by corrections, 2 omitted
        """))
  }

  /// The runbook shows a numbered reference without its number, gives the
  /// lines of one reason one item (a text that two references name, once),
  /// and a reference of several lines by its first and last.
  @Test func theRunbookListsOmissionsByReason() throws {
    var procedure = Self.procedure(
      sources: ["4: kubectl scale statefulset db --replicas=0"],
      omissions: [
        Omission("6: watch kubectl get pods", reason: "a monitoring aid"),
        Omission("rm -r /tmp/work\nwatch kubectl get pods", reason: "two lines"),
        Omission("9: kubectl get pods", reason: "a monitoring aid"),
        Omission("kubectl get pods", reason: "a monitoring aid"),
      ])
    procedure.corrections = []
    let runbook = Runbook.render(procedure, generator: "test")
    #expect(runbook.contains("Source: `kubectl scale statefulset db --replicas=0`\n"))
    #expect(
      runbook.contains(
        """
        - `watch kubectl get pods`, `kubectl get pods`: a monitoring aid
        - `rm -r /tmp/work` … `watch kubectl get pods` (2 lines): two lines
        """))
  }

  @Test func jsonFormatGivesCountsAndEntries() throws {
    let result = try run(
      Self.procedure(sources: ["kubectl scale statefulset db --replicas=0"]),
      format: ["--format", "json"])
    #expect(result.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let counts = try #require(object["counts"] as? [String: Int])
    #expect(counts["commandLines"] == 4)
    #expect(counts["carriedBySteps"] == 1)
    #expect(counts["unaccounted"] == 3)
    let entries = try #require(object["entries"] as? [[String: Any]])
    #expect(entries.map { $0["line"] as? Int } == [4, 5, 6, 9])
    #expect(entries.first?["steps"] as? [String] == ["stop-db"])
  }

  @Test(arguments: [
    (["trace"], "trace needs a procedure and its source document"),
    (["trace", "cml"], "trace needs a procedure and its source document"),
    (["trace", "cml", "a.md", "b.md"], "unexpected argument 'b.md'"),
    (["trace", "cml", "a.md", "--format", "yaml"], "unknown format 'yaml'"),
    (["trace", "cml", "/nonexistent/source.md"], "cannot read /nonexistent/source.md"),
    (["trace", "nope", "a.md"], "unknown procedure 'nope'"),
  ])
  func usageErrorsExitTwo(arguments: [String], message: String) {
    let result = GenMigration.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains(message))
    #expect(result.standardOutput.isEmpty)
  }

  @Test func helpListsTrace() {
    #expect(
      GenMigration.run(["--help"]).standardOutput.contains("gen-migration trace ID[@VERSION]"))
    #expect(
      GenMigration.run(["trace", "--help"]).standardOutput.hasPrefix("Usage: gen-migration trace"))
  }

  /// Every catalog procedure against its source document (the mapping of
  /// seeds/README.md), with the number of command lines the document has.
  /// Seed 004 documents two procedures, so it is traced twice.
  static let traced: [(Procedure, String, Int)] = [
    (CML.version1, "000_c03035f39e560ae8.txt", 86),
    (Pachyderm.version1, "001_41d052f03e3f1e65.txt", 21),
    (Databricks.version1, "002_bb3c1512aa9e7827.txt", 19),
    (AtlasDB.version1, "003_a2ec046d7078a9ac.txt", 4),
    (Databricks.version2, "004_06016e4614354de9.txt", 110),
    (Databricks.pipeline2, "004_06016e4614354de9.txt", 110),
  ]

  /// No catalog procedure is left out of `traced`.
  @Test func everyCatalogProcedureIsTraced() {
    #expect(
      Set(Catalog.procedures.map(\.reference)) == Set(Self.traced.map(\.0.reference)),
      "add the procedure and its seed to `traced`")
  }

  @Test(arguments: traced.indices)
  func everyCommandLineOfTheSeedIsAccountedFor(index: Int) throws {
    let (procedure, seed, lines) = Self.traced[index]
    let path = Self.seeds.appendingPathComponent(seed).path
    #expect(FileManager.default.fileExists(atPath: path), "the seed \(path) is missing")
    let result = GenMigration.run(["trace", procedure.reference, path])
    #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
    #expect(result.standardOutput.contains("\(procedure.reference): \(lines) command lines: "))
    #expect(result.standardOutput.contains(", 0 unaccounted, 0 stale references\n"))
  }
}
