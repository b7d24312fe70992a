import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// `render NEW --since OLD` gives the runbook of NEW (a catalog reference or
/// a file) a "Changes since" section against OLD, as generate gives the
/// catalog's later versions (issue 11).
@Suite struct RenderSinceTests {
  @Test func renderSinceAnEarlierCatalogVersionIsWhatTheCatalogGives() {
    let result = GenMigration.run(["render", "databricks@2.0", "--since", "databricks@1.0"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.contains("## Changes since 1.0"))
    #expect(
      result.standardOutput
        == GenMigration.run(["render", "databricks@2.0", "--format", "markdown"]).standardOutput)
  }

  @Test func renderSinceGivesAFileItsChanges() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(JSONForm.render(TinyProcedure.make()), to: "old.json")
    try folder.write(
      JSONForm.render(TinyProcedure.make(version: "1.1", command: "echo bye")), to: "new.json")
    // Alone, the new file's runbook has no earlier version to compare with.
    let alone = GenMigration.run(["render", folder.file("new.json"), "--format", "markdown"])
    #expect(alone.status == 0)
    #expect(!alone.standardOutput.contains("Changes since"))
    let since = GenMigration.run([
      "render", folder.file("new.json"), "--since", folder.file("old.json"),
    ])
    #expect(since.status == 0, "\(since.standardError)")
    #expect(since.standardOutput.contains("## Changes since 1.0\n"))
    // Prose is wrapped: read the paragraph's lines joined, as markdown does.
    #expect(
      since.standardOutput.replacingOccurrences(of: "\n", with: " ").contains(
        "gen-migration diff tiny@1.0 tiny@1.1"))
    #expect(since.standardOutput.contains("echo bye"))
    #expect(
      since.standardOutput
        == Runbook.render(
          TinyProcedure.make(version: "1.1", command: "echo bye"), generator: Outputs.generator,
          previous: TinyProcedure.make()))
    // generate gives the newer file the same runbook.
    let out = folder.file("out")
    #expect(
      GenMigration.run([
        "generate", folder.file("old.json"), folder.file("new.json"), "--output", out,
      ]).status == 0)
    #expect(folder.read("out/tiny/1.1/README.md") == since.standardOutput)
    // A file against a catalog procedure, with --format markdown spelt out.
    let againstCatalog = GenMigration.run([
      "render", folder.file("new.json"), "--since", "cml", "--format", "markdown",
    ])
    #expect(againstCatalog.status == 0)
    #expect(
      againstCatalog.standardOutput.replacingOccurrences(of: "\n", with: " ").contains(
        "gen-migration diff cml@1.0 tiny@1.1"))
  }

  @Test(arguments: [
    (
      ["render", "cml", "--since", "cml", "--format", "bash"], "--since gives the markdown runbook"
    ),
    (["render", "cml", "--since", "cml", "--format", "json"], "does not go with --format json"),
    (["render", "cml", "--since", "cml@0.1"], "procedure cml has no version 0.1"),
    (["render", "cml", "--since", "/nonexistent/old.json"], "cannot read /nonexistent/old.json"),
    (["render", "cml", "--since"], "option --since needs a value"),
  ])
  func renderSinceRefusesWhatItCannotCompare(arguments: [String], message: String) {
    let result = GenMigration.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
  }
}
