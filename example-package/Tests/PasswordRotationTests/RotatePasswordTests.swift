import Foundation
import GenMigrationKit
import PasswordRotation
import Testing

/// The example package's own tool, run in process as its executable runs it
/// (`GenMigrationKit.main` passes its arguments to `GenMigration.run`): only
/// its procedure, lint clean, and the committed examples/ what it renders.
@Suite struct RotatePasswordTests {
  static let procedures = [RotatePostgresPassword.version1]
  /// The example package's root, where `check` finds examples/.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

  static func run(_ arguments: [String]) -> GenMigration.Result {
    GenMigration.run(
      arguments, catalog: procedures, workingDirectory: root, toolName: "rotate-password")
  }

  @Test func listShowsOnlyThisPackagesProcedure() {
    let list = Self.run(["list"])
    #expect(list.status == 0, "\(list.standardError)")
    #expect(list.standardOutput == "rotate-postgres-password  1.0  Rotate a PostgreSQL password\n")
  }

  @Test func theProcedureLintsClean() {
    let lint = Self.run(["lint"])
    #expect(lint.status == 0, "\(lint.standardOutput)\(lint.standardError)")
    #expect(lint.standardOutput.contains("0 errors, 0 warnings"), "\(lint.standardOutput)")
  }

  @Test func theCommittedExamplesAreWhatTheProcedureRenders() {
    let check = Self.run(["check"])
    #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    #expect(check.standardOutput == "\(Self.root)/examples matches the catalog: 2 files\n")
  }

  @Test func theBuiltInCatalogIsNotThere() {
    let render = Self.run(["render", "cml"])
    #expect(render.status == 2)
    #expect(render.standardError.hasPrefix("rotate-password: unknown procedure 'cml'"))
  }

  /// The built executable: main.swift's one call reads the arguments,
  /// names the tool after the executable, prints and exits with the status.
  @Test func theExecutableRunsTheCommandsUnderItsOwnName() throws {
    // Beside the test bundle, or in the package's .build/debug.
    let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("rotate-password")
    let tool =
      FileManager.default.isExecutableFile(atPath: besideTests.path)
      ? besideTests
      : URL(fileURLWithPath: Self.root).appendingPathComponent(".build/debug/rotate-password")
    try #require(FileManager.default.isExecutableFile(atPath: tool.path), "swift build first")
    for (arguments, status, output) in [
      (["list"], Int32(0), "rotate-postgres-password  1.0  Rotate a PostgreSQL password\n"),
      (["lst"], 2, ""),
    ] {
      let process = Process()
      process.executableURL = tool
      process.arguments = arguments
      let standardOutput = Pipe()
      let standardError = Pipe()
      process.standardOutput = standardOutput
      process.standardError = standardError
      try process.run()
      let printed = standardOutput.fileHandleForReading.readDataToEndOfFile()
      let errors = standardError.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      #expect(process.terminationStatus == status)
      #expect(String(decoding: printed, as: UTF8.self) == output)
      if status != 0 {
        #expect(
          String(decoding: errors, as: UTF8.self).hasPrefix(
            "rotate-password: unknown command 'lst'; did you mean 'list'?; run 'rotate-password --help'"
          ))
      }
    }
  }
}
