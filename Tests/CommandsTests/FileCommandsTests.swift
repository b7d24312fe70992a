import Catalog
import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// Procedure files are first-class wherever the catalog is (issue 11):
/// `generate FILE... --output DIR` and `check DIR FILE...` deal in exactly
/// what the files render, and `generate` without `--output` writes only
/// into the package's own examples/.
@Suite struct FileCommandsTests {
  /// A folder with `tiny.json` in it.
  static func folderWithTiny() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write(JSONForm.render(TinyProcedure.make()), to: "tiny.json")
    return folder
  }

  /// The fix command `check` printed, after "run: ".
  static func fix(in output: String) throws -> String {
    let line = try #require(output.split(separator: "\n").last { $0.contains(", run: ") })
    return String(try #require(line.range(of: ", run: ").map { line[$0.upperBound...] }))
  }

  /// Runs a fix command line under bash, as a user pastes it, with
  /// `gen-migration` standing for this process's `GenMigration.run`: the
  /// arguments bash gives it are run here.
  static func runFix(_ line: String, in folder: TemporaryFolder) throws {
    let script = """
      gen-migration() { printf '%s\\0' "$@" >>"$ARGS"; printf '\\n' >>"$ARGS"; }
      \(line)
      """
    let argumentsFile = folder.file("fix-arguments")
    let result = try ProcessRunner.run(
      ProcessRunner.bash, ["-c", script],
      environment: ["ARGS": argumentsFile, "PATH": "/usr/bin:/bin"], in: folder.path)
    #expect(result.status == 0, "\(line): \(result.standardError)")
    let recorded = folder.read("fix-arguments") ?? ""
    for call in recorded.split(separator: "\n", omittingEmptySubsequences: true) {
      let arguments = call.split(separator: "\0").map(String.init)
      let run = GenMigration.run(arguments)
      #expect(run.status == 0, "\(arguments): \(run.standardError)")
    }
    try? FileManager.default.removeItem(atPath: argumentsFile)
  }

  // MARK: generate FILE... --output DIR and check DIR FILE...

  @Test func generateFilesWritesExactlyWhatTheyRenderAndCheckAgrees() throws {
    let folder = try Self.folderWithTiny()
    defer { folder.remove() }
    let out = folder.file("out")
    let generate = GenMigration.run(["generate", folder.file("tiny.json"), "--output", out])
    #expect(generate.status == 0, "\(generate.standardError)")
    #expect(
      FileManager.default.subpaths(atPath: out)?.filter {
        $0.hasSuffix(".md") || $0.hasSuffix(".sh")
      }.sorted() == ["tiny/1.0/README.md", "tiny/1.0/migrate.sh"])
    for file in Outputs.files(for: TinyProcedure.make(), in: [TinyProcedure.make()], rules: .lint) {
      #expect(folder.read("out/\(file.path)") == file.contents)
    }
    let check = GenMigration.run(["check", out, folder.file("tiny.json")])
    #expect(check.status == 0, "\(check.standardOutput)")
    #expect(check.standardOutput == "\(out) matches \(folder.file("tiny.json")): 2 files\n")
    // The same folder against the catalog: the catalog's files are missing.
    let againstCatalog = GenMigration.run(["check", out])
    #expect(againstCatalog.status == 1)
    #expect(againstCatalog.standardOutput.contains("missing: \(out)/cml/1.0/migrate.sh"))
  }

  @Test func checkOfFilesReportsAMissingFileWithAFixThatWorks() throws {
    let folder = try Self.folderWithTiny()
    defer { folder.remove() }
    // A space in the folder's name: the fix command must quote it.
    let out = folder.file("my out")
    _ = GenMigration.run(["generate", folder.file("tiny.json"), "--output", out])
    try FileManager.default.removeItem(atPath: "\(out)/tiny/1.0/README.md")
    let check = GenMigration.run(["check", out, folder.file("tiny.json")])
    #expect(check.status == 1)
    #expect(check.standardOutput.contains("missing: \(out)/tiny/1.0/README.md\n"))
    #expect(!check.standardOutput.contains("cml"))
    let fix = try Self.fix(in: check.standardOutput)
    #expect(fix == "gen-migration generate \(folder.file("tiny.json")) --output '\(out)'")
    try Self.runFix(fix, in: folder)
    #expect(GenMigration.run(["check", out, folder.file("tiny.json")]).status == 0)
  }

  @Test func checkOfFilesReportsAChangedFileWithADiff() throws {
    let folder = try Self.folderWithTiny()
    defer { folder.remove() }
    let out = folder.file("out")
    _ = GenMigration.run(["generate", folder.file("tiny.json"), "--output", out])
    // The file changed since it was generated: the folder is out of date.
    try folder.write(JSONForm.render(TinyProcedure.make(command: "echo goodbye")), to: "tiny.json")
    let check = GenMigration.run(["check", out, folder.file("tiny.json")])
    #expect(check.status == 1)
    #expect(check.standardOutput.contains("differs: \(out)/tiny/1.0/migrate.sh\n"))
    #expect(check.standardOutput.contains("\n-  echo hello\n+  echo goodbye\n"))
    #expect(check.standardOutput.contains("2 problems"))
    try Self.runFix(try Self.fix(in: check.standardOutput), in: folder)
    #expect(GenMigration.run(["check", out, folder.file("tiny.json")]).status == 0)
  }

  @Test func checkOfFilesReportsExtraFilesWithHowToRemoveThem() throws {
    let folder = try Self.folderWithTiny()
    defer { folder.remove() }
    let out = folder.file("out")
    _ = GenMigration.run(["generate", folder.file("tiny.json"), "--output", out])
    try folder.write("stale", to: "out/tiny/0.9/migrate.sh")
    try folder.write("mine", to: "out/it's mine.txt")
    let check = GenMigration.run(["check", out, folder.file("tiny.json")])
    #expect(check.status == 1)
    #expect(
      check.standardOutput.contains(
        "unexpected: \(out)/tiny/0.9/migrate.sh (not written by \(folder.file("tiny.json"))); remove it: rm -- \(out)/tiny/0.9/migrate.sh\n"
      ))
    #expect(check.standardOutput.contains("remove it: rm -- '\(out)/it'\\''s mine.txt'\n"))
    let fix = try Self.fix(in: check.standardOutput)
    // Nothing differs, so the fix only removes.
    #expect(!fix.contains("generate"))
    try Self.runFix(fix, in: folder)
    #expect(!FileManager.default.fileExists(atPath: "\(out)/tiny/0.9/migrate.sh"))
    let again = GenMigration.run(["check", out, folder.file("tiny.json")])
    #expect(again.status == 0, "\(again.standardOutput)")
  }

  @Test func theCatalogsFilesInAFileFolderAreExtraNotMissing() throws {
    let folder = try Self.folderWithTiny()
    defer { folder.remove() }
    let out = folder.file("out")
    _ = GenMigration.run(["generate", "--output", out])
    let check = GenMigration.run(["check", out, folder.file("tiny.json")])
    #expect(check.status == 1)
    #expect(check.standardOutput.contains("missing: \(out)/tiny/1.0/migrate.sh\n"))
    #expect(check.standardOutput.contains("unexpected: \(out)/cml/1.0/migrate.sh (not written by"))
    #expect(!check.standardOutput.contains("missing: \(out)/cml"))
    let fix = try Self.fix(in: check.standardOutput)
    #expect(
      fix.hasPrefix("gen-migration generate \(folder.file("tiny.json")) --output \(out) && rm -- "))
    try Self.runFix(fix, in: folder)
    #expect(GenMigration.run(["check", out, folder.file("tiny.json")]).status == 0)
  }

  @Test func twoFilesOfOneVersionAreRefused() throws {
    let folder = try Self.folderWithTiny()
    defer { folder.remove() }
    try folder.write(JSONForm.render(TinyProcedure.make(command: "echo other")), to: "other.json")
    let out = folder.file("out")
    for command in ["generate", "check"] {
      let arguments =
        command == "generate"
        ? ["generate", folder.file("tiny.json"), folder.file("other.json"), "--output", out]
        : ["check", out, folder.file("tiny.json"), folder.file("other.json")]
      let result = GenMigration.run(arguments)
      #expect(result.status == 2)
      #expect(
        result.standardError
          == "gen-migration: \(folder.file("tiny.json")) and \(folder.file("other.json")) are both tiny@1.0 and would write the same files; give one of them\n"
      )
    }
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  @Test(arguments: [
    (["check", "tiny.json"], "check needs the folder DIR before the procedure files"),
    (["check", "out", "cml"], "unexpected argument 'cml' for check"),
    (["generate", "cml", "--output", "out"], "unexpected argument 'cml' for generate"),
    (["generate", "tiny.json"], "generate needs --output DIR for procedure files"),
  ])
  func fileArgumentsThatAreWrongAreUsageErrors(arguments: [String], message: String) throws {
    let folder = try Self.folderWithTiny()
    defer { folder.remove() }
    // Relative paths resolve against the process's folder, so make them absolute.
    let absolute = arguments.map { $0.hasSuffix(".json") || $0 == "out" ? folder.file($0) : $0 }
    let result = GenMigration.run(absolute, workingDirectory: folder.path)
    #expect(result.status == 2)
    #expect(result.standardError.hasPrefix("gen-migration: \(message)"), "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["tiny.json"])
  }

  // MARK: generate and check without a folder

  /// A folder that looks like the gen-migration package's root.
  static func packageRoot(named name: String = "gen-migration") throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write(
      "// swift-tools-version: 6.0\nimport PackageDescription\n\nlet package = Package(\n  name: \"\(name)\"\n)\n",
      to: "Package.swift")
    try FileManager.default.createDirectory(
      atPath: folder.file("examples"), withIntermediateDirectories: true)
    return folder
  }

  @Test func fromThePackageRootGenerateAndCheckUseItsExamples() throws {
    let root = try Self.packageRoot()
    defer { root.remove() }
    let generate = GenMigration.run(["generate"], workingDirectory: root.path)
    #expect(generate.status == 0, "\(generate.standardError)")
    #expect(generate.standardOutput.hasSuffix(" to \(root.file("examples"))\n"))
    #expect(
      root.read("examples/cml/1.0/migrate.sh")
        == BashScript.render(CML.version1, generator: Outputs.generator))
    let check = GenMigration.run(["check"], workingDirectory: root.path)
    #expect(check.status == 0, "\(check.standardOutput)")
    // From the root, the fix is the quick start's own command.
    try root.write("changed", to: "examples/cml/1.0/README.md")
    let stale = GenMigration.run(["check"], workingDirectory: root.path)
    #expect(stale.status == 1)
    #expect(try Self.fix(in: stale.standardOutput) == "gen-migration generate")
  }

  @Test func theRealPackagesExamplesAreWhatCheckWithoutAFolderCompares() {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().path
    let check = GenMigration.run(["check"], workingDirectory: root)
    #expect(check.status == 0, "\(check.standardOutput)")
    #expect(check.standardOutput.hasPrefix("\(root)/examples matches the catalog: "))
  }

  @Test(arguments: ["no package", "another package", "no examples folder"])
  func elsewhereGenerateRequiresAnOutputFolder(place: String) throws {
    let folder: TemporaryFolder
    switch place {
    case "another package": folder = try Self.packageRoot(named: "other-tool")
    case "no examples folder":
      folder = try Self.packageRoot()
      try FileManager.default.removeItem(atPath: folder.file("examples"))
    default: folder = try TemporaryFolder()
    }
    defer { folder.remove() }
    let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    let generate = GenMigration.run(["generate"], workingDirectory: folder.path)
    #expect(generate.status == 2)
    #expect(generate.standardError.hasPrefix("gen-migration: generate needs --output DIR here"))
    #expect(generate.standardOutput.isEmpty)
    let check = GenMigration.run(["check"], workingDirectory: folder.path)
    #expect(check.status == 2)
    #expect(check.standardError.hasPrefix("gen-migration: check needs a folder DIR here"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    #expect(FileManager.default.subpaths(atPath: folder.file("examples"))?.isEmpty ?? true)
    // With --output it works anywhere.
    let out = folder.file("out")
    #expect(
      GenMigration.run(["generate", "--output", out], workingDirectory: folder.path).status == 0)
    #expect(GenMigration.run(["check", out], workingDirectory: folder.path).status == 0)
  }
}
