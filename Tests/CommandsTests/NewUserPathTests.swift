import Commands
import Foundation
import TestSupport
import Testing

/// The path of a user who brings their own procedure: the schema and
/// `init` alone (no catalog JSON copied), then lint, generate, check, a
/// change that check reports, and a regeneration that check accepts.
@Suite struct NewUserPathTests {
  @Test func aProcedureWrittenFromTheSchemaLintsGeneratesAndChecks() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = folder.file("greet.json")
    let output = folder.file("out")
    try folder.write(GenMigration.run(["schema"]).standardOutput, to: "procedure.schema.json")
    try folder.write(try NewUserProcedure.json(command: "echo hello"), to: "greet.json")

    let lint = GenMigration.run(["lint", file])
    #expect(lint.status == 0, "\(lint.standardOutput)\(lint.standardError)")
    #expect(lint.standardOutput == "1 procedure version: 0 errors, 0 warnings\n")
    #expect(lint.standardError == "", "no deprecation warning: \(lint.standardError)")

    let generated = GenMigration.run(["generate", file, "--output", output])
    #expect(generated.status == 0, "\(generated.standardError)")
    let script = try #require(folder.read("out/greet-team/1.0/migrate.sh"))
    #expect(script.contains("echo hello"))
    #expect(script.contains(" 30 2 "), "the wait's number timeout and interval reach the script")
    let checked = GenMigration.run(["check", output, file])
    #expect(checked.status == 0, "\(checked.standardOutput)")
    #expect(checked.standardOutput == "\(output) matches \(file): 2 files\n")

    try folder.write(try NewUserProcedure.json(command: "echo goodbye"), to: "greet.json")
    let stale = GenMigration.run(["check", output, file])
    #expect(stale.status == 1)
    #expect(stale.standardOutput.contains("differs: \(output)/greet-team/1.0/migrate.sh\n"))
    #expect(stale.standardOutput.contains("-echo hello\n"))
    #expect(stale.standardOutput.contains("+echo goodbye\n"))
    #expect(
      stale.standardOutput.hasSuffix(
        "to bring \(output) in line with \(file), run: gen-migration generate \(file) --output \(output)\n"
      ), "\(stale.standardOutput)")

    #expect(GenMigration.run(["generate", file, "--output", output]).status == 0)
    let again = GenMigration.run(["check", output, file])
    #expect(again.status == 0, "\(again.standardOutput)")
  }
}
