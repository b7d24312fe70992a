@_exported import Commands
@_exported import Lint
@_exported import Model
@_exported import Templates

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The gen-migration command line over your own procedures: `list`,
/// `render`, `generate`, `check`, `lint`, `diff`, `trace` and `init`, as
/// `gen-migration --help` describes them, with `procedures` as the catalog.
/// Reads `CommandLine.arguments`, prints to standard output and standard
/// error, and exits with the command's status (0, 1 for differences or lint
/// errors, 2 for usage and file errors).
///
/// A package that depends on GenMigrationKit writes the procedures in the
/// DSL (`import GenMigrationKit` brings Model, Templates, Lint and Commands)
/// and its executable's whole `main.swift` is:
///
/// ```swift
/// import GenMigrationKit
/// import PasswordRotation
///
/// // rotate-password list | render ID | generate | check | lint | diff A B
/// GenMigrationKit.main(procedures: [RotatePostgresPassword.version1])
/// ```
///
/// Help, hints and errors name the tool by `name` (default: the name the
/// executable was started as, such as `rotate-password`). `generate` and
/// `check` without a folder use the package's `examples/` when run from the
/// root of a package whose Package.swift declares that name
/// (`.executable(name: "rotate-password", ...)`) and has an `examples/`
/// folder; anywhere else they need a folder. In tests, run a command in
/// process with `GenMigration.run(["list"], catalog: procedures,
/// toolName: "rotate-password")`.
public func main(procedures: [Procedure], name: String? = nil) -> Never {
  let arguments = CommandLine.arguments
  let tool = name ?? executableName(arguments.first)
  StandardStreams.ignoreWriteSignals()
  let result = GenMigration.run(
    Array(arguments.dropFirst()), catalog: procedures, toolName: tool)
  exit(StandardStreams.emit(result, toolName: tool))
}

/// `rotate-password` for `.build/debug/rotate-password`; `gen-migration`
/// when the process has no usable name.
func executableName(_ path: String?) -> String {
  let name = path?.split(separator: "/").last.map(String.init) ?? ""
  return name.isEmpty ? "gen-migration" : name
}
