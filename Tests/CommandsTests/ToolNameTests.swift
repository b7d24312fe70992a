import Commands
import Foundation
import Model
import Templates
import TestSupport
import Testing

/// A tool built on GenMigrationKit (issue 11) runs the same commands over
/// its own procedures under its own name: its help, hints and errors say
/// that name, `list` shows only its procedures, and `generate`/`check`
/// without a folder use its own package's `examples/`, never another
/// tool's.
@Suite struct ToolNameTests {
  static let tool = "rotate-password"
  static let procedures = [TinyProcedure.make()]

  static func run(_ arguments: [String], in folder: String? = nil) -> GenMigration.Result {
    GenMigration.run(arguments, catalog: procedures, workingDirectory: folder, toolName: tool)
  }

  @Test func listShowsOnlyTheToolsOwnProcedures() {
    let list = Self.run(["list"])
    #expect(list.status == 0)
    #expect(list.standardOutput == "tiny  1.0  Tiny\n")
  }

  @Test(arguments: [["--help"], ["generate", "--help"], ["check", "-h"], []])
  func helpNamesTheTool(arguments: [String]) {
    let result = Self.run(arguments)
    let help = arguments.isEmpty ? result.standardError : result.standardOutput
    #expect(help.contains("\(Self.tool) \(arguments.first ?? "list")"), "\(help)")
    #expect(!help.contains("gen-migration"), "\(help)")
  }

  /// A longer and a shorter name than gen-migration: every description
  /// and continuation line of the usage table starts in one column, at
  /// least two spaces after its row's command.
  @Test(arguments: ["rotate-password", "rp"])
  func theUsageTableStaysAligned(tool: String) throws {
    let builtIn = GenMigration.run(["--help"]).standardOutput
      .split(separator: "\n", omittingEmptySubsequences: false)
    let renamed = GenMigration.run(["--help"], catalog: [], toolName: tool).standardOutput
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(renamed.count == builtIn.count)
    let row = try #require(builtIn.first { $0.contains("one line per procedure version") })
    let column = row.distance(
      from: row.startIndex, to: try #require(row.range(of: "one line per")).lowerBound)
    var columns: Set<Int> = []
    var aligned = 0
    for (old, new) in zip(builtIn, renamed)
    where old.count > column && old.prefix(column).hasSuffix("  ")
      && old.dropFirst(column).first != " "
    {
      let description = old.dropFirst(column)
      #expect(new.hasSuffix(description), "\(new)")
      columns.insert(new.count - description.count)
      #expect(new.dropLast(description.count).hasSuffix("  "), "\(new)")
      aligned += 1
    }
    #expect(aligned >= 8)
    #expect(columns.count == 1, "\(renamed.joined(separator: "\n"))")
    for (old, new) in zip(builtIn, renamed) where old.hasPrefix("  gen-migration ") {
      #expect(new.hasPrefix("  \(tool) "), "\(new)")
    }
  }

  /// One version given twice would list twice and write the same files
  /// twice; no command runs, not even list.
  @Test(arguments: ["list", "generate"])
  func aCatalogWithAVersionTwiceIsRefused(command: String) throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let arguments = command == "list" ? ["list"] : ["generate", "--output", folder.file("out")]
    let tiny = TinyProcedure.make()
    let result = GenMigration.run(
      arguments, catalog: [tiny, TinyProcedure.make(version: "2.0"), tiny],
      workingDirectory: folder.path, toolName: Self.tool)
    #expect(result.status == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(
      result.standardError
        == "rotate-password: the procedures this tool was built with hold tiny@1.0 twice; give each id and version once (in the list passed to GenMigrationKit.main)\n"
    )
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  @Test func errorsAndHintsNameTheTool() {
    let unknown = Self.run(["lst"])
    #expect(unknown.status == 2)
    #expect(
      unknown.standardError
        == "rotate-password: unknown command 'lst'; did you mean 'list'?; run 'rotate-password --help' for the commands\n"
    )
    let procedure = Self.run(["render", "cml"])
    #expect(procedure.status == 2)
    #expect(
      procedure.standardError.hasPrefix("rotate-password: unknown procedure 'cml'"),
      "\(procedure.standardError)")
    #expect(procedure.standardError.hasSuffix("run 'rotate-password list' for the procedures\n"))
  }

  /// A package like example-package/: it declares the executable
  /// `rotate-password` and depends on gen-migration by path.
  static func userPackageRoot() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write(
      """
      // swift-tools-version: 6.0
      import PackageDescription

      let package = Package(
        name: "password-tools",
        products: [.executable(name: "rotate-password", targets: ["rotate-password"])],
        dependencies: [.package(name: "gen-migration", path: "..")],
        targets: [
          .executableTarget(
            name: "rotate-password",
            dependencies: [.product(name: "GenMigrationKit", package: "gen-migration")])
        ]
      )

      """, to: "Package.swift")
    try FileManager.default.createDirectory(
      atPath: folder.file("examples"), withIntermediateDirectories: true)
    return folder
  }

  @Test func fromItsOwnPackageRootGenerateAndCheckUseItsExamples() throws {
    let root = try Self.userPackageRoot()
    defer { root.remove() }
    let generate = Self.run(["generate"], in: root.path)
    #expect(generate.status == 0, "\(generate.standardError)")
    // Their headers say which command regenerates them: the tool's own.
    let script = try #require(root.read("examples/tiny/1.0/migrate.sh"))
    #expect(
      script
        == BashScript.render(
          TinyProcedure.make(), generator: Outputs.generator, regenerate: "rotate-password generate"
        ))
    #expect(script.contains("# Do not edit: change the model and run `rotate-password generate`"))
    let runbook = try #require(root.read("examples/tiny/1.0/README.md"))
    // The runbook's prose is wrapped: read it with its line breaks as spaces.
    let prose = runbook.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(prose.contains("Do not edit: change the model and run `rotate-password generate`."))
    #expect(
      !script.contains("gen-migration generate") && !runbook.contains("gen-migration generate"))
    let rendered = Self.run(["render", "tiny", "--format", "markdown"])
    #expect(rendered.standardOutput == runbook)
    #expect(FileManager.default.subpaths(atPath: root.file("examples"))?.count == 4)
    #expect(Self.run(["check"], in: root.path).status == 0)
    try root.write("changed", to: "examples/tiny/1.0/README.md")
    let stale = Self.run(["check"], in: root.path)
    #expect(stale.status == 1)
    #expect(try FileCommandsTests.fix(in: stale.standardOutput) == "rotate-password generate")
  }

  /// Before the first generate the package has no examples/ yet: the
  /// error says so and what to do, and nothing is created.
  @Test func inItsOwnPackageWithoutExamplesTheErrorSaysToCreateThem() throws {
    let root = try Self.userPackageRoot()
    defer { root.remove() }
    try FileManager.default.removeItem(atPath: root.file("examples"))
    for command in ["generate", "check"] {
      let result = Self.run([command], in: root.path)
      #expect(result.status == 2)
      #expect(
        result.standardError.contains(
          " here (this package declares rotate-password but has no examples/ folder yet: create it with 'mkdir examples' and run this again); run 'rotate-password \(command) --help'"
        ), "\(result.standardError)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["Package.swift"])
  }

  /// Neither tool writes its catalog into the other's examples/: the user's
  /// `.package(name: "gen-migration", ...)` does not declare gen-migration.
  @Test(arguments: ["gen-migration", "rotate-password"])
  func anotherToolsPackageRootNeedsAFolder(owner: String) throws {
    let root =
      owner == Self.tool ? try Self.userPackageRoot() : try FileCommandsTests.packageRoot()
    defer { root.remove() }
    let generate =
      owner == Self.tool
      ? GenMigration.run(["generate"], workingDirectory: root.path)
      : Self.run(["generate"], in: root.path)
    #expect(generate.status == 2)
    let tool = owner == Self.tool ? "gen-migration" : Self.tool
    #expect(
      generate.standardError.hasPrefix(
        "\(tool): generate needs --output DIR here (without it, it writes the catalog into the examples/ of the package that declares \(tool)"
      ), "\(generate.standardError)")
    #expect(FileManager.default.subpaths(atPath: root.file("examples"))?.isEmpty == true)
  }
}
