import Commands
import Foundation
import Templates
import TestSupport
import Testing

/// `render` and `generate` never print or write a script bash cannot parse,
/// whatever lint thinks of the procedure.
@Suite struct ScriptGateTests {
  @Test func theGateRefusesAnUnparseableScriptItIsGiven() throws {
    let broken = RenderedFile(
      path: "tiny/1.0/migrate.sh", contents: "#!/usr/bin/env bash\necho \"unterminated\n",
      isExecutable: true)
    #expect(throws: CommandError.self) {
      try ScriptGate.requireParseable([broken], of: "tiny@1.0")
    }
    do {
      try ScriptGate.requireParseable([broken], of: "tiny@1.0")
    } catch {
      guard case .unparseableScript(let reference, let file, let bashError) = error else {
        Issue.record("\(error)")
        return
      }
      #expect(reference == "tiny@1.0")
      #expect(file == "tiny/1.0/migrate.sh")
      #expect(bashError.hasPrefix("line "), "\(bashError)")
      #expect(error.status == 1)
      #expect(
        error.message.hasPrefix(
          "tiny@1.0: bash cannot parse the generated tiny/1.0/migrate.sh (line "))
    }
  }

  @Test func theGateLetsParseableScriptsAndOtherFilesThrough() throws {
    try ScriptGate.requireParseable(
      [
        RenderedFile(path: "migrate.sh", contents: "echo fine\n", isExecutable: true),
        RenderedFile(path: "README.md", contents: "echo \"not a script\n"),
      ], of: "tiny@1.0")
  }

  /// A wait timeout that closes the script's quotes. Validation refuses it
  /// now (a timeout is whole seconds or exactly `${NAME}`), and the renderer
  /// quotes it as a word; either way nothing unparseable is printed or written.
  static func hostileTimeout() throws -> String {
    try StrictDecodingTests.edited(
      replacing: "\"timeoutSeconds\" : \"${TIMEOUT}\"",
      with: "\"timeoutSeconds\" : \"${TIMEOUT}\\\"(\\\"\"")
  }

  @Test func renderNeverPrintsOrWritesAScriptBashCannotParse() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(try Self.hostileTimeout(), to: "hostile.json")
    try folder.write("keep\n", to: "out.sh")
    let printed = GenMigration.run(["render", folder.file("hostile.json")])
    let written = GenMigration.run([
      "render", folder.file("hostile.json"), "--output", folder.file("out.sh"),
    ])
    let generated = GenMigration.run([
      "generate", folder.file("hostile.json"), "--output", folder.file("generated"),
    ])
    for result in [printed, written, generated] {
      #expect(result.status == 1)
      #expect(result.standardOutput.isEmpty)
      #expect(result.standardError.contains("[invalid-wait]"), "\(result.standardError)")
    }
    #expect(folder.read("out.sh") == "keep\n")
    #expect(!FileManager.default.fileExists(atPath: folder.file("generated")))
  }
}
