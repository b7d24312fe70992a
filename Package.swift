// swift-tools-version: 6.0
import PackageDescription

// gen-migration takes no package dependencies: a tool that writes audit
// scripts should be auditable itself. Only the toolchain (Foundation, XCTest,
// Swift Testing) is used.
let package = Package(
  name: "gen-migration",
  products: [
    .library(name: "Model", targets: ["Model"]),
    .library(name: "Templates", targets: ["Templates"]),
    // Procedures of your own in the DSL, with this tool's commands over them:
    // `GenMigrationKit.main(procedures: [...])` (see example-package/).
    .library(name: "GenMigrationKit", targets: ["GenMigrationKit"]),
    .executable(name: "gen-migration", targets: ["gen-migration"]),
  ],
  targets: [
    // The vocabulary of a procedure, its DSL and its validation. No I/O.
    .target(name: "Model"),
    // Renderers: Model -> text (bash, markdown, JSON, line diffs). No I/O.
    .target(name: "Templates", dependencies: ["Model"]),
    // The documented procedures, written in the Model DSL.
    .target(name: "Catalog", dependencies: ["Model"]),
    // Lint rules over a procedure's commands and SQL (shell parsing is injected).
    .target(name: "Lint", dependencies: ["Model"]),
    // The commands of the CLI over a catalog they are given: argument
    // parsing, files, exit codes.
    .target(name: "Commands", dependencies: ["Model", "Templates", "Lint"]),
    // The library other packages depend on: the DSL, renderers, lint and
    // the command line, with one `main(procedures:)`.
    .target(name: "GenMigrationKit", dependencies: ["Model", "Templates", "Lint", "Commands"]),
    .executableTarget(name: "gen-migration", dependencies: ["GenMigrationKit", "Catalog"]),
    // Timings reported in docs/benchmarks.md: `swift run -c release benchmarks`.
    .executableTarget(
      name: "benchmarks", dependencies: ["Model", "Templates", "Lint", "Commands", "Catalog"]),

    // Temporary folders, processes and stub tools for the tests.
    .target(
      name: "TestSupport", path: "Tests/TestSupport", exclude: ["Stubs"]),
    .testTarget(name: "ModelTests", dependencies: ["Model"]),
    .testTarget(name: "LintTests", dependencies: ["Lint", "Model", "Catalog", "Commands"]),
    .testTarget(name: "TemplatesTests", dependencies: ["Model", "Templates", "TestSupport"]),
    .testTarget(name: "GoldenTests", dependencies: ["Catalog", "Templates", "Lint"]),
    .testTarget(
      name: "ScriptTests",
      dependencies: ["Model", "Templates", "Catalog", "Lint", "Commands", "TestSupport"]),
    .testTarget(
      name: "CommandsTests", dependencies: ["Commands", "Catalog", "Templates", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
