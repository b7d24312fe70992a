import Catalog
import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// Procedures as JSON files, and a clear one-line error for every bad input,
/// with nothing written.
@Suite struct ProcedureFileTests {
  static let valid = JSONForm.render(
    Procedure(
      id: "tiny", title: "Tiny", version: "1.0", summary: "One step.",
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here",
          sections: [
            Section(
              title: "S",
              steps: [
                Step(
                  id: "hello", title: "Say hello", actions: [.shell(ShellCommand("echo hello"))])
              ])
          ])
      ]))

  /// (what is wrong, the file's text, a part of the expected message)
  static let malformed: [(String, String, String)] = [
    ("not JSON", "hello", "not valid JSON at line 1, column 1: unexpected character"),
    ("empty file", "", "not valid JSON at line 1, column 1: unexpected end"),
    (
      "trailing comma",
      valid.replacingOccurrences(of: "\"version\" : \"1.0\"", with: "\"version\" : \"1.0\","),
      "not valid JSON at line"
    ),
    ("unclosed object", String(valid.dropLast(2)), "unexpected end; expected ',' or '}'"),
    ("unclosed string", "{\"id\": \"tiny", "line 1, column 8: string not closed"),
    ("key without quotes", "{id: 1}", "line 1, column 2: expected a key in double quotes"),
    ("text after the end", valid + "]", "unexpected text after the end"),
    ("control character", "{\"id\": \"a\tb\"}", "control character inside a string"),
    ("second line error", "{\n  \"id\": tiny\n}", "line 2, column 9"),
    ("a list at the top", "[]", "at the top level: expected an object"),
    (
      "missing id", valid.replacingOccurrences(of: "  \"id\" : \"tiny\",\n", with: ""),
      "at the top level: missing field \"id\""
    ),
    (
      "number for a string",
      valid.replacingOccurrences(of: "\"title\" : \"Tiny\"", with: "\"title\" : 7"),
      "at title: expected a string"
    ),
    (
      "null title",
      valid.replacingOccurrences(of: "\"title\" : \"Tiny\"", with: "\"title\" : null"),
      "at title: expected a string, found null"
    ),
    (
      "bad version",
      valid.replacingOccurrences(of: "\"version\" : \"1.0\"", with: "\"version\" : \"1.x\""),
      "at version: '1.x' is not a version such as 1.0"
    ),
    (
      "unknown action kind",
      valid.replacingOccurrences(of: "\"kind\" : \"shell\"", with: "\"kind\" : \"teleport\""),
      "at phases[0].sections[0].steps[0].actions[0].kind:"
    ),
    (
      "action without its command",
      valid.replacingOccurrences(of: "\"command\" : \"echo hello\",", with: ""),
      "at phases[0].sections[0].steps[0].actions[0]: missing field \"command\""
    ),
    (
      "limitations not a list",
      valid.replacingOccurrences(
        of: "\"limitations\" : [\n\n  ]", with: "\"limitations\" : \"none\""),
      "at limitations: expected a list"
    ),
    (
      "missing phases", valid.replacingOccurrences(of: "\"phases\"", with: "\"fazes\""),
      "missing field \"phases\""
    ),
    (
      "newer format",
      valid.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 99"),
      "written in procedure format 99, newer than this gen-migration reads (1)"
    ),
    (
      "format as text",
      valid.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : \"one\""),
      "at formatVersion: expected a whole number"
    ),
    (
      "number with two dots",
      valid.replacingOccurrences(of: "\"formatVersion\" : 1", with: "\"formatVersion\" : 1.2.3"),
      "not a number"
    ),
  ]

  @Test(arguments: malformed.indices)
  func malformedFileIsAClearErrorAndNothingChanges(index: Int) throws {
    let (what, text, expected) = Self.malformed[index]
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(text, to: "bad.json")
    try folder.write("previous contents\n", to: "out.sh")
    for arguments in [
      ["render", folder.file("bad.json"), "--output", folder.file("out.sh")],
      ["lint", folder.file("bad.json")],
    ] {
      let result = GenMigration.run(arguments)
      #expect(result.status == 2, "\(what)")
      let lines = result.standardError.split(separator: "\n")
      #expect(lines.count == 1, "\(what): \(result.standardError)")
      #expect(
        result.standardError.hasPrefix("gen-migration: \(folder.file("bad.json")): "), "\(what)")
      #expect(result.standardError.contains(expected), "\(what): \(result.standardError)")
    }
    #expect(folder.read("out.sh") == "previous contents\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "bad.json", "out.sh",
      ])
  }

  @Test func missingAndUnreadableFilesNameThePathAndTheReason() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let missing = GenMigration.run(["render", folder.file("nope.json")])
    #expect(missing.status == 2)
    #expect(
      missing.standardError
        == "gen-migration: cannot read \(folder.file("nope.json")): no such file\n")
    try FileManager.default.createDirectory(
      atPath: folder.file("dir.json"), withIntermediateDirectories: true)
    let directory = GenMigration.run(["lint", folder.file("dir.json")])
    #expect(directory.status == 2)
    #expect(
      directory.standardError.contains("cannot read \(folder.file("dir.json")): it is a directory"))
  }

  @Test func aFileRendersLikeTheCatalogProcedureItCameFrom() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    #expect(
      GenMigration.run(["render", "cml", "--format", "json", "--output", folder.file("cml.json")])
        .status == 0)
    let fromFile = GenMigration.run(["render", folder.file("cml.json")])
    #expect(fromFile.status == 0)
    #expect(fromFile.standardOutput == GenMigration.run(["render", "cml"]).standardOutput)
    #expect(GenMigration.run(["lint", folder.file("cml.json")]).status == 0)
    let generate = GenMigration.run([
      "generate", folder.file("cml.json"), "--output", folder.file("out"),
    ])
    #expect(generate.status == 0)
    #expect(
      folder.read("out/cml/1.0/README.md")
        == GenMigration.run(["render", "cml", "--format", "markdown"]).standardOutput)
  }

  @Test func aFileWithLintErrorsIsNotRenderedAndTheFindingsArePrinted() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(
      Self.valid.replacingOccurrences(of: "echo hello", with: "if true; then echo hello"),
      to: "broken.json")
    try folder.write("keep\n", to: "out.sh")
    let render = GenMigration.run([
      "render", folder.file("broken.json"), "--output", folder.file("out.sh"),
    ])
    #expect(render.status == 1)
    #expect(render.standardError.contains("tiny@1.0 has lint errors and was not rendered"))
    #expect(
      render.standardError.contains(
        "error: tiny@1.0 step hello [shell-syntax]: bash cannot parse a command"))
    #expect(folder.read("out.sh") == "keep\n")
    let lint = GenMigration.run(["lint", folder.file("broken.json"), "--format", "json"])
    #expect(lint.status == 1)
    let findings = try JSONDecoder().decode([Diagnostic].self, from: Data(lint.standardOutput.utf8))
    #expect(findings.map(\.rule) == ["shell-syntax"])
    #expect(findings.first?.step == "hello")
  }

  @Test func lintWithoutArgumentsLintsTheCatalog() {
    let result = GenMigration.run(["lint"])
    #expect(result.status == 0)
    #expect(
      result.standardOutput
        == "\(Catalog.procedures.count) procedure versions: 0 errors, 0 warnings\n")
  }
}

/// The README's example procedure file stays valid.
@Suite struct ReadmeExampleTests {
  @Test func theReadmesProcedureFileLintsCleanAndRenders() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let start = try #require(text.range(of: "```json\n"))
    let end = try #require(text.range(of: "\n```", range: start.upperBound..<text.endIndex))
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(String(text[start.upperBound..<end.lowerBound]), to: "demo.json")
    #expect(
      GenMigration.run(["lint", folder.file("demo.json")]).standardOutput
        == "1 procedure version: 0 errors, 0 warnings\n")
    let script = GenMigration.run(["render", folder.file("demo.json")])
    #expect(script.status == 0)
    #expect(
      script.standardOutput.contains(
        "\n  exec kubectl scale statefulset -n \"${NAMESPACE}\" db --replicas=0\n"))
  }
}

/// The quick start's own-procedure commands run as written, in order, and
/// each succeeds: init, import, lint, generate, check and drift.
@Suite struct QuickStartTests {
  static let runbook = """
    # Restart the app

    Scale the app down, then up again.

    ```bash
    kubectl scale deployment app --replicas=0
    kubectl scale deployment app --replicas=1
    ```

    """

  @Test func theOwnProcedureCommandsRunAsWritten() throws {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let commands = text.split(separator: "\n").filter { $0.hasPrefix("$gen ") }.map {
      $0.dropFirst(5).prefix { $0 != "#" }.split(separator: " ").map(String.init)
    }
    #expect(
      commands.map { $0.first ?? "" } == ["init", "import", "lint", "generate", "check", "drift"])
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(Self.runbook, to: "runbook.md")
    try folder.write(
      "#!/usr/bin/env bash\nset -euo pipefail\nkubectl scale deployment app --replicas=0\n"
        + "kubectl scale deployment app --replicas=1\n", to: "migrate.sh")
    let files: Set<String> = ["rotate.json", "draft.json", "runbook.md", "migrate.sh", "out"]
    for command in commands {
      let arguments = command.map { files.contains($0) ? folder.file($0) : $0 }
      let result = GenMigration.run(arguments)
      #expect(result.status == 0, "\(command.joined(separator: " ")): \(result.standardError)")
    }
    #expect(
      FileManager.default.fileExists(atPath: folder.file("out/rotate-password/1.0/migrate.sh")))
  }
}
