import Commands
import Foundation
import Templates
import TestSupport
import Testing

/// `gen-migration schema`: the JSON Schema by default, the markdown
/// reference with `--format markdown`, to standard output or a file.
@Suite struct SchemaCommandTests {
  @Test func printsTheSchemaAndTheReference() throws {
    let schema = GenMigration.run(["schema"])
    #expect(schema.status == 0)
    #expect(schema.standardOutput == ProcedureSchema.render())
    #expect(
      schema.standardOutput.contains(
        "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
    let markdown = GenMigration.run(["schema", "--format", "markdown"])
    #expect(markdown.status == 0)
    #expect(markdown.standardOutput.hasPrefix("# The procedure file format (format 1)\n"))
    #expect(
      markdown.standardOutput.contains(
        "| `attempts` | whole number ≥ 1 | required | How many times to try, at least 1. |"))
    #expect(
      GenMigration.run(["--help"]).standardOutput.contains(
        "gen-migration schema [--format json|markdown]"))
  }

  @Test func writesToAFile() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let result = GenMigration.run(["schema", "--output", folder.file("procedure.schema.json")])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput == "")
    #expect(folder.read("procedure.schema.json") == ProcedureSchema.render())
  }

  @Test(arguments: [
    (["schema", "--format", "yaml"], "unknown format 'yaml'; use one of: json, markdown"),
    (["schema", "cml"], "unexpected argument 'cml' for schema"),
    (["schema", "--since", "x"], "--since"),
  ])
  func usageErrorsExitTwo(arguments: [String], message: String) {
    let result = GenMigration.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains(message), "\(result.standardError)")
  }
}
