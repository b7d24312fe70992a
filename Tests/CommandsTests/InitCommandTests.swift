import Commands
import Foundation
import Lint
import Model
import TestSupport
import Testing

/// `gen-migration init ID`: a starting procedure that decodes strictly,
/// lints clean, shows each action kind once and renders; an existing file
/// is never overwritten.
@Suite struct InitCommandTests {
  @Test func theStarterLintsCleanAndRenders() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.file("rotate.json")
    let written = GenMigration.run(["init", "rotate-password", "--output", path])
    #expect(written.status == 0, "\(written.standardError)")
    let lint = GenMigration.run(["lint", path])
    #expect(lint.status == 0, "\(lint.standardOutput)\(lint.standardError)")
    #expect(lint.standardOutput.hasSuffix("0 errors, 0 warnings\n"), "\(lint.standardOutput)")
    let script = GenMigration.run(["render", path])
    #expect(script.status == 0, "\(script.standardError)")
    #expect(script.standardOutput.contains("PROCEDURE_ID='rotate-password'"))
    let generated = GenMigration.run(["generate", path, "--output", folder.file("out")])
    #expect(generated.status == 0, "\(generated.standardError)")
    #expect(
      FileManager.default.fileExists(atPath: folder.file("out/rotate-password/1.0/README.md")))
  }

  @Test func theStarterShowsEachActionKindOnce() throws {
    let json = GenMigration.run(["init", "demo"]).standardOutput
    let procedure = try JSONDecoder().decode(Procedure.self, from: Data(json.utf8))
    let kinds = procedure.orderedSteps.flatMap(\.step.actions).map(\.kind)
    #expect(
      kinds.sorted { $0.rawValue < $1.rawValue }
        == Action.Kind.allCases.sorted { $0.rawValue < $1.rawValue })
    #expect(procedure.orderedSteps.contains { $0.step.isDestructive })
    #expect(procedure.parameters.contains { !$0.rules.isEmpty })
    #expect(Set(procedure.parameters.map(\.kind)) == Set(Parameter.Kind.allCases))
    #expect(procedure.parameters.contains { $0.isSecret })
  }

  @Test(arguments: [
    (["init"], "init needs the new procedure's id"),
    (["init", "Rotate_Password"], "the id 'Rotate_Password' must be kebab-case"),
    (["init", "a", "b"], "unexpected argument 'b'"),
  ])
  func usageErrorsExitTwo(arguments: [String], message: String) {
    let result = GenMigration.run(arguments)
    #expect(result.status == 2)
    #expect(result.standardError.contains(message), "\(result.standardError)")
  }

  @Test func anExistingFileIsNeverOverwritten() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("mine\n", to: "rotate.json")
    let result = GenMigration.run(["init", "rotate", "--output", folder.file("rotate.json")])
    #expect(result.status == 2)
    #expect(result.standardError.contains("it exists"))
    #expect(folder.read("rotate.json") == "mine\n")
  }
}
